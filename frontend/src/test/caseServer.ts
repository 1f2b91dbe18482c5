// A fake GraphQL server for the case pages' tests: answers by operation name, with the signed-in
// user (Me) and the lists every case form reads (municipalities, projects, providers, service
// types) given by default, and records every request.
import { fakeFetch, type FakeRequest } from './render';
import { workAreasOf } from './users';

export type Handler = (variables: Record<string, unknown>, request: FakeRequest) => unknown;

export const liepaja = { __typename: 'Municipality', id: 'M-liepaja', name: 'Liepāja' };
export const rezekne = { __typename: 'Municipality', id: 'M-rezekne', name: 'Rēzeknes novads' };
export const kurzeme = { __typename: 'PlanningRegion', id: 'R-kurzeme', name: 'Kurzemes plānošanas reģions' };

export const workerLiepaja = {
  __typename: 'User',
  id: 'U-worker',
  name: 'Līga Darbiniece',
  email: 'darbiniece.liepaja@atbalsts.example',
  role: 'MUNICIPALITY_WORKER',
  region: null,
  municipalities: [liepaja],
  provider: null,
  workAreas: workAreasOf.MUNICIPALITY_WORKER,
};
export const coordinatorKurzeme = {
  __typename: 'User',
  id: 'U-coordinator',
  name: 'Kārlis Koordinators',
  email: 'koordinators.kurzeme@atbalsts.example',
  role: 'REGION_COORDINATOR',
  region: { ...kurzeme, nameEn: 'Kurzeme Planning Region' },
  municipalities: [],
  provider: null,
  workAreas: workAreasOf.REGION_COORDINATOR,
};

export const serviceTypes = [
  { __typename: 'ServiceType', id: 'S-physio', code: 'PHYSIOTHERAPY', name: 'Fizioterapija', nameEn: 'Physiotherapy', unit: 'SESSION', recipients: ['CHILD', 'PARENTS'] },
  { __typename: 'ServiceType', id: 'S-homecare', code: 'HOME_CARE', name: 'Aprūpe mājās', nameEn: 'Home care', unit: 'HOUR', recipients: ['CHILD'] },
  { __typename: 'ServiceType', id: 'S-groups', code: 'SUPPORT_GROUPS', name: 'Atbalsta grupas', nameEn: 'Support groups', unit: 'SESSION', recipients: ['PARENTS'] },
];

export const providers = [
  { __typename: 'Provider', id: 'P-rehab', name: 'Rehabilitācijas centrs "Saulīte"' },
  { __typename: 'Provider', id: 'P-teams', name: 'Izvērtēšanas komanda' },
];

export const projectKurzeme = {
  __typename: 'Project',
  id: 'J-kurzeme',
  code: '9.2.2.1/15/I/005',
  name: 'Kurzeme visiem',
  startDate: '2016-01-01',
  endDate: '2027-12-31',
  leadRegion: { __typename: 'PlanningRegion', id: kurzeme.id },
};

/**
 * What the server answers about a plan of a Liepāja child (SupportPlan.viewerCan): its
 * municipality's worker prepares, runs and records; the coordinator of the lead region decides.
 */
const noPlanSteps = { editDraft: false, submit: false, approve: false, return: false, activate: false, close: false, revise: false, recordDelivery: false };
export const planCanWorker = { __typename: 'PlanPermissions', ...noPlanSteps, editDraft: true, submit: true, activate: true, close: true, revise: true, recordDelivery: true };
export const planCanCoordinator = { __typename: 'PlanPermissions', ...noPlanSteps, approve: true, return: true };
/** A specialist of the provider of some of its lines: records deliveries, nothing else. */
export const planCanSpecialist = { __typename: 'PlanPermissions', ...noPlanSteps, recordDelivery: true };

const connection = (typename: string, nodes: unknown[]) => ({
  __typename: `${typename}Connection`,
  edges: nodes.map((node) => ({ __typename: `${typename}Edge`, node })),
});

export function caseServer(handlers: Record<string, Handler>, { viewer = workerLiepaja as unknown } = {}) {
  const defaults: Record<string, Handler> = {
    Me: () => ({ data: { me: viewer } }),
    CaseMunicipalities: () => ({ data: { municipalities: connection('Municipality', [liepaja, rezekne]) } }),
    CaseProjects: () => ({ data: { projects: connection('Project', [projectKurzeme]) } }),
    CaseProviders: () => ({ data: { providers: connection('Provider', providers) } }),
    CaseServiceTypes: () => ({ data: { serviceTypes } }),
    // A child page with a plan asks for the caps; a test about them gives its own answer.
    ChildUsage: (v) => ({ data: { node: { __typename: 'Child', id: v.id, usage: { __typename: 'ChildUsage', caps: [] } } } }),
  };
  const all = { ...defaults, ...handlers };
  return fakeFetch((request) => {
    const handler = all[request.operationName ?? ''];
    if (!handler) throw new Error(`the fake server has no answer for ${request.operationName}`);
    return handler(request.variables ?? {}, request);
  });
}

/** The requests of one operation, in order. */
export function requestsOf(fetch: { requests: FakeRequest[] }, operationName: string): FakeRequest[] {
  return fetch.requests.filter((r) => r.operationName === operationName);
}

/** A GraphQL error as the server presents it. */
export function graphQLError(code: string, field?: string, reason?: string) {
  return {
    errors: [{ message: 'server message in English', extensions: { code, ...(field ? { field } : {}), ...(reason ? { reason } : {}) } }],
    data: null,
  };
}
