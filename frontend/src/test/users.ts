// Made-up signed-in users for the tests, one per kind of scope, as `me` answers them.
import type { Me } from '../auth/session';

/** The parts of the app the server answers for each role (domain.WorkAreasOf). */
export const workAreasOf = {
  ADMIN: { __typename: 'WorkAreas', users: true, cases: true, verifyDeliveries: true, claims: true, prepareClaims: true, statistics: true, manageProjects: true, offlineSessions: false },
  MUNICIPALITY_WORKER: { __typename: 'WorkAreas', users: false, cases: true, verifyDeliveries: true, claims: true, prepareClaims: true, statistics: true, manageProjects: false, offlineSessions: true },
  MINISTRY_ANALYST: { __typename: 'WorkAreas', users: false, cases: false, verifyDeliveries: false, claims: true, prepareClaims: false, statistics: true, manageProjects: false, offlineSessions: false },
  REGION_COORDINATOR: { __typename: 'WorkAreas', users: false, cases: true, verifyDeliveries: false, claims: true, prepareClaims: false, statistics: true, manageProjects: true, offlineSessions: false },
  ASSESSOR: { __typename: 'WorkAreas', users: false, cases: true, verifyDeliveries: false, claims: false, prepareClaims: false, statistics: false, manageProjects: false, offlineSessions: false },
  PROVIDER_SPECIALIST: { __typename: 'WorkAreas', users: false, cases: true, verifyDeliveries: false, claims: false, prepareClaims: false, statistics: false, manageProjects: false, offlineSessions: true },
} as const;

export const admin: Me = {
  __typename: 'User',
  id: 'VXNlcjox',
  name: 'Agnese Administratore',
  email: 'admin@atbalsts.example',
  role: 'ADMIN',
  region: null,
  municipalities: [],
  provider: null,
  workAreas: workAreasOf.ADMIN,
};

export const liepajaWorker: Me = {
  __typename: 'User',
  id: 'VXNlcjo0',
  name: 'Līga Darbiniece',
  email: 'darbiniece.liepaja@atbalsts.example',
  role: 'MUNICIPALITY_WORKER',
  region: null,
  municipalities: [{ __typename: 'Municipality', id: 'TXVuaWNpcGFsaXR5OjEy', name: 'Liepāja' }],
  provider: null,
  workAreas: workAreasOf.MUNICIPALITY_WORKER,
};

export const analyst: Me = {
  __typename: 'User',
  id: 'VXNlcjoy',
  name: 'Andris Analītiķis',
  email: 'analitikis@atbalsts.example',
  role: 'MINISTRY_ANALYST',
  region: null,
  municipalities: [],
  provider: null,
  workAreas: workAreasOf.MINISTRY_ANALYST,
};

export const coordinator: Me = {
  __typename: 'User',
  id: 'VXNlcjoz',
  name: 'Kārlis Koordinators',
  email: 'koordinators.kurzeme@atbalsts.example',
  role: 'REGION_COORDINATOR',
  region: { __typename: 'PlanningRegion', id: 'UGxhbm5pbmdSZWdpb246MQ', name: 'Kurzemes plānošanas reģions', nameEn: 'Kurzeme Planning Region' },
  municipalities: [],
  provider: null,
  workAreas: workAreasOf.REGION_COORDINATOR,
};

/** The answer of `me` for a user, or for nobody. */
export const meAnswer = (me: Me | null) => () => ({ data: { me } });
