import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { caseServer, coordinatorKurzeme, graphQLError, liepaja, projectKurzeme, providers, requestsOf, serviceTypes } from '../../test/caseServer';
import { renderApp } from '../../test/render';
import { todayInRiga } from '../../lib/dates';

// What the server answers a worker of the child's municipality: every change is theirs to make.
const can = {
  child: { __typename: 'ChildPermissions', edit: true },
  application: { __typename: 'ApplicationPermissions', decide: true },
  assessment: { __typename: 'AssessmentPermissions', recordAssessment: true, cancel: true },
};

function childNode(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Child',
    id: 'C1',
    personalCode: '020714-20002',
    firstName: 'Mārtiņš',
    lastName: 'Ozols',
    birthDate: '2014-07-02',
    birthYear: 2014,
    sex: 'MALE',
    municipality: liepaja,
    livingArrangement: 'FAMILY',
    disabilityFrom: '2020-01-01',
    disabilityTo: null,
    specialCareNeedFrom: null,
    specialCareNeedTo: null,
    impairments: ['SPEECH_AND_LANGUAGE', 'DEVELOPMENTAL'],
    createdAt: '2025-05-01T09:00:00Z',
    version: 3,
    viewerCan: can.child,
    parents: [
      {
        __typename: 'ParentLink',
        relation: 'MOTHER',
        legalRepresentative: true,
        parent: { __typename: 'Parent', id: 'PA1', personalCode: null, firstName: 'Dace', lastName: 'Ozola', phone: '+371 20000000', email: null, address: null },
      },
    ],
    applications: [
      {
        __typename: 'Application',
        id: 'A1',
        submittedOn: '2025-05-02',
        status: 'SUBMITTED',
        reason: null,
        version: 1,
        viewerCan: can.application,
        project: projectKurzeme,
        applicant: { __typename: 'Parent', id: 'PA1', firstName: 'Dace', lastName: 'Ozola' },
        events: [{ __typename: 'ApplicationEvent', at: '2025-05-02T07:15:00Z', status: 'SUBMITTED', comment: null, actor: { __typename: 'User', id: 'U1', name: 'Līga Darbiniece' } }],
      },
    ],
    assessments: [
      {
        __typename: 'Assessment',
        id: 'AS1',
        scheduledOn: '2025-06-01',
        status: 'SCHEDULED',
        completedOn: null,
        cancelReason: null,
        version: 2,
        viewerCan: can.assessment,
        provider: providers[1],
        team: [{ __typename: 'TeamMember', name: 'Ilze Izvērtētāja', specialty: 'SOCIAL_WORKER' }],
        findings: [],
        recommendations: [],
      },
    ],
    supportPlans: [
      {
        __typename: 'SupportPlan',
        id: 'PLAN1',
        kind: 'SOCIAL_REHABILITATION',
        status: 'DRAFT',
        createdAt: '2025-06-10T08:00:00Z',
        project: projectKurzeme,
        current: { __typename: 'PlanRevision', id: 'REV1', number: 1, validFrom: '2025-07-01', validTo: '2026-06-30', budget: '1500.00' },
        pending: { __typename: 'PlanRevision', id: 'REV1', number: 1, status: 'DRAFT' },
      },
    ],
    ...overrides,
  };
}

const answer = (node: unknown) => () => ({ data: { node } });

describe('ChildPage', () => {
  it("shows the child's data, parents, applications with their history, assessments and plans", async () => {
    renderApp('/children/C1', { fetch: caseServer({ ChildPage: answer(childNode()) }) });
    expect(await screen.findByRole('heading', { level: 1, name: 'Ozols Mārtiņš' })).toBeTruthy();
    const data = screen.getByRole('region', { name: 'Bērna dati' });
    expect(within(data).getByText('02.07.2014')).toBeTruthy();
    expect(within(data).getByText('01.01.2020 – …')).toBeTruthy();
    expect(within(data).getByText('runas un valodas')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Vecāki un likumiskie pārstāvji' })).getByRole('rowheader', { name: 'Ozola Dace' })).toBeTruthy();
    const application = screen.getByRole('article', { name: 'Kurzeme visiem (9.2.2.1/15/I/005)' });
    // 07:15 UTC is 10:15 in Riga in summer.
    expect(within(application).getByText('02.05.2025 10:15 — iesniegts, Līga Darbiniece')).toBeTruthy();
    const plans = screen.getByRole('region', { name: 'Atbalsta plāni' });
    expect(within(plans).getByRole('link', { name: 'Sociālās rehabilitācijas plāns, 10.06.2025' }).getAttribute('href')).toBe('/plans/PLAN1');
  });

  it('shows what the child has used of each cap and what remains, or that there is no limit', async () => {
    const cap = (kind: string, limit: number | null, used: number, remaining: number | null, from: string, to: string) => ({
      __typename: 'CapUsage',
      kind,
      limit,
      used,
      remaining,
      periodFrom: from,
      periodTo: to,
      project: projectKurzeme,
    });
    const fetch = caseServer({
      ChildPage: answer(childNode()),
      ChildUsage: () => ({
        data: {
          node: {
            __typename: 'Child',
            id: 'C1',
            usage: {
              __typename: 'ChildUsage',
              caps: [cap('CHILD_SESSIONS', null, 41, null, '2016-01-01', '2027-12-31'), cap('PARENT_SESSIONS', 20, 3, 17, '2016-01-01', '2027-12-31')],
            },
          },
        },
      }),
    });
    renderApp('/children/C1', { fetch });
    const table = await screen.findByRole('table', { name: 'Ierobežojumu izlietojums' });
    const rows = within(table).getAllByRole('row').slice(1).map((r) => Array.from(r.querySelectorAll('th, td'), (c) => c.textContent));
    expect(rows).toEqual([
      ['bērna nodarbības projektā', 'Kurzeme visiem', 'bez ierobežojuma', '41 nodarbība', 'bez ierobežojuma', '01.01.2016 – 31.12.2027'],
      ['vecāku nodarbības projektā (kopā par vienu bērnu)', 'Kurzeme visiem', '20 nodarbību', '3 nodarbības', '17 nodarbību', '01.01.2016 – 31.12.2027'],
    ]);
    expect(requestsOf(fetch, 'ChildUsage')[0].variables).toEqual({ id: 'C1' });
  });

  it('shows "not found" when node answers null (no such child, or one out of scope)', async () => {
    renderApp('/children/Q2hpbGQ6OTk', { fetch: caseServer({ ChildPage: answer(null) }) });
    expect(await screen.findByRole('heading', { level: 1, name: 'Bērns nav atrasts' })).toBeTruthy();
    expect(screen.getByText('Šāda ieraksta nav vai tas jums nav pieejams.')).toBeTruthy();
  });

  it('saves changed data naming the version, and says clearly when someone else changed the record', async () => {
    const fetch = caseServer({ ChildPage: answer(childNode()), UpdateChild: () => graphQLError('CONFLICT') });
    renderApp('/children/C1', { fetch });
    fireEvent.click(await screen.findByRole('button', { name: 'Labot datus' }));
    await screen.findByRole('option', { name: 'Rēzeknes novads' });
    fireEvent.change(screen.getByLabelText(/^Dzīvesvieta/), { target: { value: 'FOSTER_FAMILY' } });
    fireEvent.click(screen.getByRole('button', { name: 'Saglabāt' }));

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Ierakstu pa to laiku mainīja kāds cits')).toBeTruthy();
    expect(requestsOf(fetch, 'UpdateChild')[0].variables).toEqual({
      input: {
        id: 'C1',
        version: 3,
        child: {
          personalCode: '020714-20002',
          firstName: 'Mārtiņš',
          lastName: 'Ozols',
          birthDate: '2014-07-02',
          sex: 'MALE',
          municipalityId: liepaja.id,
          livingArrangement: 'FOSTER_FAMILY',
          disabilityFrom: '2020-01-01',
          disabilityTo: null,
          specialCareNeedFrom: null,
          specialCareNeedTo: null,
          impairments: ['SPEECH_AND_LANGUAGE', 'DEVELOPMENTAL'],
        },
      },
    });
    const loads = requestsOf(fetch, 'ChildPage').length;
    fireEvent.click(within(alert).getByRole('button', { name: 'Pārlādēt jaunāko versiju' }));
    await waitFor(() => expect(requestsOf(fetch, 'ChildPage').length).toBe(loads + 1));
    expect(screen.queryByRole('button', { name: 'Saglabāt' })).toBeNull();
  });

  it('rejects an application only with a reason', async () => {
    const fetch = caseServer({
      ChildPage: answer(childNode()),
      RejectApplication: () => ({
        data: { rejectApplication: { __typename: 'ApplicationPayload', application: { __typename: 'Application', id: 'A1', status: 'REJECTED', reason: 'Nav invaliditātes', version: 2 } } },
      }),
    });
    renderApp('/children/C1', { fetch });
    const application = await screen.findByRole('article', { name: 'Kurzeme visiem (9.2.2.1/15/I/005)' });
    fireEvent.click(await within(application).findByRole('button', { name: 'Noraidīt' }));
    fireEvent.click(within(application).getByRole('button', { name: 'Noraidīt iesniegumu' }));
    await within(application).findByText('Aizpildiet šo lauku.');
    expect(requestsOf(fetch, 'RejectApplication')).toHaveLength(0);
    fireEvent.change(within(application).getByLabelText(/^Noraidīšanas iemesls/), { target: { value: 'Nav invaliditātes' } });
    fireEvent.click(within(application).getByRole('button', { name: 'Noraidīt iesniegumu' }));
    const dialog = await screen.findByRole('dialog', { name: 'Noraidīt pieteikumu?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Noraidīt pieteikumu' }));
    await waitFor(() => expect(requestsOf(fetch, 'RejectApplication')).toHaveLength(1));
    expect(requestsOf(fetch, 'RejectApplication')[0].variables).toEqual({ input: { id: 'A1', version: 1, reason: 'Nav invaliditātes', decidedOn: todayInRiga() } });
  });

  it('records findings per area with their qualifier, the team and the recommendations', async () => {
    const fetch = caseServer({
      ChildPage: answer(childNode()),
      RecordAssessment: () => ({
        data: { recordAssessment: { __typename: 'AssessmentPayload', assessment: { __typename: 'Assessment', id: 'AS1', status: 'SCHEDULED', version: 3 } } },
      }),
    });
    renderApp('/children/C1', { fetch });
    const card = await screen.findByRole('article', { name: /^Izvērtēšana 01\.06\.2025/ });
    fireEvent.click(await within(card).findByRole('button', { name: 'Ierakstīt rezultātus' }));
    fireEvent.change(within(card).getByLabelText('d3 Saziņa'), { target: { value: '3' } });
    fireEvent.change(within(card).getByLabelText('Piezīmes: d3 Saziņa'), { target: { value: 'Runā atsevišķos vārdos' } });
    fireEvent.change(within(card).getByLabelText('d4 Mobilitāte'), { target: { value: '0' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Pievienot ieteikto pakalpojumu' }));
    await within(card).findAllByRole('option', { name: 'Fizioterapija' });
    fireEvent.change(within(card).getByLabelText('1. ieteiktais pakalpojums'), { target: { value: serviceTypes[0].id } });
    fireEvent.change(within(card).getByLabelText('1. pakalpojuma saņēmējs'), { target: { value: 'CHILD' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Saglabāt rezultātus' }));
    await waitFor(() => expect(requestsOf(fetch, 'RecordAssessment')).toHaveLength(1));
    expect(requestsOf(fetch, 'RecordAssessment')[0].variables).toEqual({
      input: {
        id: 'AS1',
        version: 2,
        team: [{ name: 'Ilze Izvērtētāja', specialty: 'SOCIAL_WORKER' }],
        findings: [
          { area: 'COMMUNICATION', qualifier: 3, note: 'Runā atsevišķos vārdos' },
          { area: 'MOBILITY', qualifier: 0, note: '' },
        ],
        recommendations: [{ serviceTypeId: serviceTypes[0].id, recipient: 'CHILD', units: 10, note: null }],
      },
    });
  });

  it('offers a coordinator no changes to a child of a partner municipality', async () => {
    // What the server answers the coordinator: nothing to change.
    const node = childNode({ viewerCan: { ...can.child, edit: false } });
    node.applications[0].viewerCan = { ...can.application, decide: false };
    node.assessments[0].viewerCan = { ...can.assessment, recordAssessment: false, cancel: false };
    renderApp('/children/C1', { fetch: caseServer({ ChildPage: answer(node) }, { viewer: coordinatorKurzeme }) });
    await screen.findByRole('heading', { level: 1, name: 'Ozols Mārtiņš' });
    await screen.findByText('Šos datus var mainīt bērna pašvaldības sociālā dienesta darbinieks.');
    for (const name of ['Labot datus', 'Pievienot vecāku', 'Noraidīt', 'Ieplānot izvērtēšanu', 'Ierakstīt rezultātus', 'Pabeigt', 'Atcelt izvērtēšanu']) {
      expect(screen.queryByRole('button', { name })).toBeNull();
    }
  });

  it("offers the assessing provider's assessor to record and complete the assessment, and nothing else", async () => {
    // What the server answers that assessor: the assessment's findings are theirs, the case is not.
    const node = childNode({ viewerCan: { ...can.child, edit: false } });
    node.applications[0].viewerCan = { ...can.application, decide: false };
    node.assessments[0].viewerCan = { ...can.assessment, recordAssessment: true, cancel: false };
    renderApp('/children/C1', { fetch: caseServer({ ChildPage: answer(node) }) });
    const card = await screen.findByRole('article', { name: /^Izvērtēšana 01\.06\.2025/ });
    expect(within(card).getAllByRole('button').map((b) => b.textContent)).toEqual(['Ierakstīt rezultātus', 'Pabeigt']);
    for (const name of ['Labot datus', 'Noraidīt', 'Ieplānot izvērtēšanu']) {
      expect(screen.queryByRole('button', { name })).toBeNull();
    }
  });
});
