import { screen, within, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { caseServer, coordinatorKurzeme, requestsOf } from '../test/caseServer';
import { fakeServer, renderApp } from '../test/render';
import { analyst, meAnswer } from '../test/users';

const NBSP = '\u00a0';

const kurzeme = {
  __typename: 'Project',
  id: 'UHJvamVjdDox',
  code: '9.2.2.1/15/I/005',
  name: 'Kurzeme visiem',
  leadRegion: { __typename: 'PlanningRegion', id: 'R1', name: 'Kurzemes plānošanas reģions', nameEn: 'Kurzeme Planning Region' },
  startDate: '2015-12-01',
  endDate: '2023-12-31',
  totalBudget: '7700000.00',
  fundingSources: [
    { __typename: 'FundingSource', code: 'ESF', sharePercent: '85.00', amount: '6545000.00' },
    { __typename: 'FundingSource', code: 'STATE_BUDGET', sharePercent: '15.00', amount: '1155000.00' },
  ],
  partnerMunicipalities: [
    { __typename: 'Municipality', id: 'M1', name: 'Liepāja' },
    { __typename: 'Municipality', id: 'M2', name: 'Tukuma novads' },
  ],
  targets: [
    { __typename: 'ProjectTarget', group: 'CHILDREN_ASSESSED', count: 480 },
    { __typename: 'ProjectTarget', group: 'CHILDREN_SERVED', count: 350 },
  ],
  capRules: [
    { __typename: 'CapRule', kind: 'CHILD_SESSIONS', validFrom: '2016-01-01', limit: 40, minAge: null, maxAge: null },
    { __typename: 'CapRule', kind: 'CHILD_SESSIONS', validFrom: '2020-09-01', limit: 100, minAge: null, maxAge: null },
    { __typename: 'CapRule', kind: 'CHILD_SESSIONS', validFrom: '2022-04-22', limit: null, minAge: null, maxAge: null },
    { __typename: 'CapRule', kind: 'HOME_CARE_HOURS_PER_WEEK', validFrom: '2016-01-01', limit: 50, minAge: 0, maxAge: 4 },
    { __typename: 'CapRule', kind: 'HOME_CARE_HOURS_PER_WEEK', validFrom: '2016-01-01', limit: 10, minAge: 5, maxAge: 17 },
  ],
  amendments: [],
  version: 1,
  viewerCan: { __typename: 'ProjectPermissions', manage: false },
};

const answer = (nodes: unknown[], totalCount = nodes.length) => () => ({
  data: { projects: { __typename: 'ProjectConnection', totalCount, edges: nodes.map((node) => ({ __typename: 'ProjectEdge', node })) } },
});

const rows = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .map((r) => Array.from(r.querySelectorAll('th, td'), (c) => c.textContent));

describe('ProjectsPage', () => {
  it('shows each project with its budget split, partners, targets and cap rules over time', async () => {
    const fetch = caseServer({ ProjectsPage: answer([kurzeme]) }, { viewer: coordinatorKurzeme });
    renderApp('/projects', { fetch });
    expect(await screen.findByRole('heading', { level: 2, name: 'Kurzeme visiem' })).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 1 }).map((h) => h.textContent)).toEqual(['Projekti']);
    await waitFor(() => expect(document.title).toBe('Projekti — Atbalsts'));
    expect(requestsOf(fetch, 'ProjectsPage')[0].variables ?? {}).toEqual({});

    const project = screen.getByRole('region', { name: 'Kurzeme visiem' });
    expect(within(project).getByText('9.2.2.1/15/I/005')).toBeTruthy();
    expect(within(project).getByText('Kurzemes plānošanas reģions')).toBeTruthy();
    expect(within(project).getByText('01.12.2015 – 31.12.2023')).toBeTruthy();
    expect(within(project).getAllByText(`7${NBSP}700${NBSP}000,00${NBSP}€`, { normalizer: (t) => t }).length).toBe(2);
    expect(within(project).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'Finansējums',
      'Sadarbības pašvaldības',
      'Mērķi',
      'Ierobežojumi',
      'Grozījumu vēsture',
    ]);
    expect(within(project).getByText('Projekts nav grozīts.')).toBeTruthy();
    // Only those who may amend the project get the form.
    expect(within(project).queryByRole('button', { name: /Grozīt projektu/ })).toBeNull();

    expect(rows(within(project).getByRole('table', { name: 'Finansējuma avoti projektam “Kurzeme visiem”' }))).toEqual([
      ['Avots', 'Daļa', 'Summa'],
      ['Eiropas Sociālais fonds', `85${NBSP}%`, `6${NBSP}545${NBSP}000,00${NBSP}€`],
      ['valsts budžets', `15${NBSP}%`, `1${NBSP}155${NBSP}000,00${NBSP}€`],
      ['Kopā', `100${NBSP}%`, `7${NBSP}700${NBSP}000,00${NBSP}€`],
    ]);
    expect(within(within(project).getByRole('list', { name: 'Sadarbības pašvaldības' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Liepāja',
      'Tukuma novads',
    ]);
    expect(rows(within(project).getByRole('table', { name: 'Mērķa grupas projektam “Kurzeme visiem”' })).slice(1)).toEqual([
      ['bērni ar funkcionāliem traucējumiem, kuriem izvērtētas vajadzības', '480'],
      ['bērni ar funkcionāliem traucējumiem, kas saņem pakalpojumus', '350'],
    ]);
    expect(rows(within(project).getByRole('table', { name: 'Ierobežojumu noteikumi projektam “Kurzeme visiem” laika gaitā' }))).toEqual([
      ['Kas ierobežots', 'Vecums', 'Ierobežojums', 'Spēkā no'],
      ['bērna nodarbības projektā', '—', '40', '01.01.2016'],
      ['bērna nodarbības projektā', '—', '100', '01.09.2020'],
      ['bērna nodarbības projektā', '—', 'bez ierobežojuma', '22.04.2022'],
      ['aprūpes mājās stundas nedēļā', '0–4 gadi', '50', '01.01.2016'],
      ['aprūpes mājās stundas nedēļā', '5–17 gadi', '10', '01.01.2016'],
    ]);
  });

  it('speaks English, with money as €1,234.56 and Latvian names marked as Latvian', async () => {
    renderApp('/projects', { language: 'en', fetch: caseServer({ ProjectsPage: answer([kurzeme]) }) });
    const heading = await screen.findByRole('heading', { level: 2, name: 'Kurzeme visiem' });
    expect(heading.querySelector('[lang="lv"]')?.textContent).toBe('Kurzeme visiem');
    const project = screen.getByRole('region', { name: 'Kurzeme visiem' });
    expect(within(project).getByText('Kurzeme Planning Region')).toBeTruthy();
    expect(rows(within(project).getByRole('table', { name: 'Funding sources of “Kurzeme visiem”' })).slice(1)).toEqual([
      ['European Social Fund', '85%', '€6,545,000.00'],
      ['state budget', '15%', '€1,155,000.00'],
      ['Total', '100%', '€7,700,000.00'],
    ]);
    const caps = rows(within(project).getByRole('table', { name: 'Cap rules of “Kurzeme visiem” over time' }));
    expect(caps[3]).toEqual(["a child's sessions over the project", '—', 'no limit', '22.04.2022']);
    expect(caps[4]).toEqual(['home-care hours a week', '0–4 years', '50', '01.01.2016']);
    expect(within(project).getByRole('list', { name: 'Partner municipalities' }).getAttribute('lang')).toBe('lv');
    expect(within(project).getByText('children with functional impairments receiving services')).toBeTruthy();
  });

  it('says when there are no projects, and when not all are shown', async () => {
    const { unmount } = renderApp('/projects', { fetch: caseServer({ ProjectsPage: answer([]) }) });
    expect(await screen.findByText('Projektu nav.')).toBeTruthy();
    unmount();
    renderApp('/projects', { fetch: caseServer({ ProjectsPage: answer([kurzeme], 51) }) });
    expect(await screen.findByText('Parādīti pirmie 1 no 51 projektiem.')).toBeTruthy();
  });

  it('is kept from an analyst, as the other case pages are', async () => {
    const fetch = fakeServer({ Me: meAnswer(analyst) });
    renderApp('/projects', { fetch });
    expect(await screen.findByRole('heading', { level: 1, name: 'Nav piekļuves' })).toBeTruthy();
    expect(requestsOf(fetch, 'ProjectsPage')).toHaveLength(0);
  });
});
