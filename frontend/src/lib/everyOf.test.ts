import { describe, expect, it } from 'vitest';
import type { Sex } from '../gql/graphql';
import { everyOf } from './everyOf';

describe('everyOf', () => {
  it('gives back a list that names every member, in its order', () => {
    expect(everyOf<Sex>()(['MALE', 'FEMALE'])).toEqual(['MALE', 'FEMALE']);
  });

  it('refuses at compile time a list that misses a member or names a stranger', () => {
    // The checks are tsc's: these lines compile only because their errors are expected.
    // @ts-expect-error FEMALE is missing
    everyOf<Sex>()(['MALE']);
    // @ts-expect-error OTHER is not a Sex
    everyOf<Sex>()(['MALE', 'FEMALE', 'OTHER']);
  });
});
