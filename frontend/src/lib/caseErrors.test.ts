import { CombinedError } from '@urql/core';
import { describe, expect, it } from 'vitest';
import { problemOf } from './caseErrors';

function errorWith(extensions: Record<string, unknown>): CombinedError {
  return new CombinedError({ graphQLErrors: [{ message: 'bad', extensions }] });
}

describe('problemOf', () => {
  it('names a field as the forms do, from the services or from the edge', () => {
    expect(problemOf(errorWith({ code: 'BAD_USER_INPUT', field: 'birthDate' })).field).toBe('birthDate');
    // The edge (strict scalars, NUL bytes) names the argument's whole path.
    expect(problemOf(errorWith({ code: 'BAD_USER_INPUT', field: 'input.birthDate' })).field).toBe('birthDate');
    expect(problemOf(errorWith({ code: 'BAD_USER_INPUT', field: 'input.lines.0.plannedUnits' })).field).toBe('lines.0.plannedUnits');
    expect(problemOf(errorWith({ code: 'BAD_USER_INPUT' })).field).toBeNull();
  });
});
