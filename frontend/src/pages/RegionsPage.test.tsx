import { fireEvent, screen, within, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RegionsQuery } from '../gql/graphql';
import { fakeFetch, fakeServer, renderApp, requestsOf } from '../test/render';

const regions: RegionsQuery['regions'] = [
  {
    __typename: 'PlanningRegion',
    id: 'UGxhbm5pbmdSZWdpb246Mg',
    code: 'LATGALE',
    name: 'Latgales plānošanas reģions',
    nameEn: 'Latgale Planning Region',
    municipalities: [
      { __typename: 'Municipality', id: 'm2', name: 'Daugavpils', kind: 'STATE_CITY', atvkCode: '0002000', validFrom: '2021-07-01', validTo: null },
      { __typename: 'Municipality', id: 'm20', name: 'Krāslavas novads', kind: 'COUNTY', atvkCode: '0032000', validFrom: '2021-07-01', validTo: null },
      { __typename: 'Municipality', id: 'm31', name: 'Rēzeknes novads', kind: 'COUNTY', atvkCode: '0043000', validFrom: '2021-07-01', validTo: null },
      { __typename: 'Municipality', id: 'm45', name: 'Varakļānu novads', kind: 'COUNTY', atvkCode: '0102000', validFrom: '2021-07-01', validTo: '2025-06-30' },
    ],
  },
  {
    __typename: 'PlanningRegion',
    id: 'UGxhbm5pbmdSZWdpb246NQ',
    code: 'ZEMGALE',
    name: 'Zemgales plānošanas reģions',
    nameEn: 'Zemgale Planning Region',
    municipalities: [
      { __typename: 'Municipality', id: 'm3', name: 'Jelgava', kind: 'STATE_CITY', atvkCode: '0003000', validFrom: '2021-07-01', validTo: null },
    ],
  },
];

const answering = () => fakeFetch(() => ({ data: { regions } }));

/** The table rows of a region's section, each as the texts of its cells. */
function rowsOf(regionName: string): string[][] {
  const section = screen.getByRole('region', { name: regionName });
  return within(section)
    .getAllByRole('row')
    .slice(1)
    .map((row) => Array.from(row.querySelectorAll('th, td'), (c) => c.textContent ?? ''));
}

describe('RegionsPage', () => {
  it('shows a loading state, then every region with its municipalities, in Latvian', async () => {
    // The query leaves only after the session is known and the query's hash is computed: the
    // answer is given once the request has arrived, not merely once the page shows it waits.
    let answer: (value: unknown) => void = () => {};
    let arrived: () => void = () => {};
    const requested = new Promise<void>((resolve) => (arrived = resolve));
    const fetch = fakeServer({
      Regions: () =>
        new Promise((resolve) => {
          answer = resolve;
          arrived();
        }),
    });
    renderApp('/regions', { fetch });

    // The page's own status (its data loads), not the one shown while its code loads.
    expect((await screen.findByText('Ielādē…')).closest('[role="status"]')).not.toBeNull();
    await requested;
    answer({ data: { regions } });

    expect(await screen.findByRole('heading', { level: 2, name: 'Latgales plānošanas reģions' })).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Plānošanas reģioni');
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Latgales plānošanas reģions',
      'Zemgales plānošanas reģions',
    ]);
    await waitFor(() => expect(document.title).toBe('Plānošanas reģioni — Atbalsts'));

    const section = screen.getByRole('region', { name: 'Latgales plānošanas reģions' });
    expect(within(section).getByText('4 pašvaldības')).toBeTruthy();
    const table = within(section).getByRole('table', { name: 'Pašvaldības: Latgales plānošanas reģions' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Pašvaldība',
      'Veids',
      'ATVK kods',
      'Darbības laiks',
    ]);
    expect(rowsOf('Latgales plānošanas reģions')).toEqual([
      ['Daugavpils', 'valstspilsēta', '0002000', 'kopš 01.07.2021'],
      ['Krāslavas novads', 'novads', '0032000', 'kopš 01.07.2021'],
      ['Rēzeknes novads', 'novads', '0043000', 'kopš 01.07.2021'],
      ['Varakļānu novads', 'novads', '0102000', 'līdz 30.06.2025'],
    ]);
    expect(within(screen.getByRole('region', { name: 'Zemgales plānošanas reģions' })).getByText('1 pašvaldība')).toBeTruthy();
  });

  it('shows English names and texts, keeping municipality names marked as Latvian', async () => {
    renderApp('/regions', { language: 'en', fetch: answering() });

    expect(await screen.findByRole('heading', { level: 2, name: 'Latgale Planning Region' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Planning regions');
    expect(rowsOf('Latgale Planning Region')).toEqual([
      ['Daugavpils', 'state city', '0002000', 'since 01.07.2021'],
      ['Krāslavas novads', 'county', '0032000', 'since 01.07.2021'],
      ['Rēzeknes novads', 'county', '0043000', 'since 01.07.2021'],
      ['Varakļānu novads', 'county', '0102000', 'until 30.06.2025'],
    ]);
    expect(screen.getByRole('rowheader', { name: 'Rēzeknes novads' }).getAttribute('lang')).toBe('lv');
    expect(screen.getByText('4 municipalities')).toBeTruthy();
  });

  it('follows a language switch without loading again', async () => {
    const fetch = answering();
    renderApp('/regions', { fetch });
    await screen.findByRole('heading', { level: 2, name: 'Latgales plānošanas reģions' });
    fireEvent.change(screen.getByLabelText('Valoda'), { target: { value: 'en' } });
    expect(await screen.findByRole('heading', { level: 2, name: 'Latgale Planning Region' })).toBeTruthy();
    expect(requestsOf(fetch, 'Regions')).toHaveLength(1);
  });

  it('shows the translated message for the error code, not the server text, and can retry', async () => {
    let fail = true;
    const fetch = fakeFetch(() =>
      fail
        ? { data: null, errors: [{ message: 'internal error', extensions: { code: 'INTERNAL' } }] }
        : { data: { regions } },
    );
    renderApp('/regions', { fetch });

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Datus neizdevās ielādēt');
    expect(alert.textContent).toContain('Serverī radās kļūda. Lūdzu, mēģiniet vēlreiz vēlāk.');
    expect(alert.textContent).not.toContain('internal error');

    fail = false;
    fireEvent.click(within(alert).getByRole('button', { name: 'Mēģināt vēlreiz' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Latgales plānošanas reģions' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('tells when the server cannot be reached', async () => {
    const fetch = fakeFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    renderApp('/regions', { language: 'en', fetch });
    expect((await screen.findByRole('alert')).textContent).toContain(
      'The server could not be reached. Check your connection and try again.',
    );
  });

  it('falls back to a general message for an unknown code', async () => {
    const fetch = fakeFetch(() => ({ errors: [{ message: 'x', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] }));
    renderApp('/regions', { fetch });
    expect((await screen.findByRole('alert')).textContent).toContain('Radās neparedzēta kļūda.');
  });
});
