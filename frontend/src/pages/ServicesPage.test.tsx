import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ServiceTypesQuery } from '../gql/graphql';
import { fakeFetch, renderApp } from '../test/render';

const NBSP = '\u00a0';

const serviceTypes: ServiceTypesQuery['serviceTypes'] = [
  {
    __typename: 'ServiceType',
    id: 's1',
    code: 'HOME_CARE',
    name: 'Aprūpe mājās',
    nameEn: 'Home care',
    category: 'HOME_CARE',
    unit: 'HOUR',
    defaultUnitPrice: '3.79',
    countsTowardsSessionCap: false,
    recipients: ['CHILD'],
  },
  {
    __typename: 'ServiceType',
    id: 's2',
    code: 'PHYSIOTHERAPY',
    name: 'Fizioterapija',
    nameEn: 'Physiotherapy',
    category: 'SOCIAL_REHABILITATION',
    unit: 'SESSION',
    defaultUnitPrice: '1030.00',
    countsTowardsSessionCap: true,
    recipients: ['CHILD', 'PARENTS'],
  },
];

function rows(): string[][] {
  return within(screen.getByRole('table'))
    .getAllByRole('row')
    .slice(1)
    .map((row) => Array.from(row.querySelectorAll('th, td'), (c) => c.textContent ?? ''));
}

describe('ServicesPage', () => {
  it('lists the catalogue in Latvian with prices as money', async () => {
    renderApp('/services', { fetch: fakeFetch(() => ({ data: { serviceTypes } })) });
    expect(await screen.findByRole('table', { name: 'Pakalpojumu veidi' })).toBeTruthy();
    expect(rows()).toEqual([
      ['Aprūpe mājās', 'Aprūpe mājās', 'stunda', `3,79${NBSP}€`, 'bērns', 'Nē'],
      ['Fizioterapija', 'Sociālā rehabilitācija', 'nodarbība', `1${NBSP}030,00${NBSP}€`, 'bērns, vecāki', 'Jā'],
    ]);
  });

  it('lists the catalogue in English', async () => {
    renderApp('/services', { language: 'en', fetch: fakeFetch(() => ({ data: { serviceTypes } })) });
    expect(await screen.findByRole('table', { name: 'Service types' })).toBeTruthy();
    expect(rows()).toEqual([
      ['Home care', 'Home care', 'hour', '€3.79', 'child', 'No'],
      ['Physiotherapy', 'Social rehabilitation', 'session', '€1,030.00', 'child, parents', 'Yes'],
    ]);
  });
});
