// Made-up signed-in users for the tests, one per kind of scope, as `me` answers them.
import type { Me } from '../auth/session';

export const admin: Me = {
  id: 'VXNlcjox',
  name: 'Agnese Administratore',
  email: 'admin@atbalsts.example',
  role: 'ADMIN',
  region: null,
  municipalities: [],
  provider: null,
};

export const liepajaWorker: Me = {
  id: 'VXNlcjo0',
  name: 'Līga Darbiniece',
  email: 'darbiniece.liepaja@atbalsts.example',
  role: 'MUNICIPALITY_WORKER',
  region: null,
  municipalities: [{ id: 'TXVuaWNpcGFsaXR5OjEy', name: 'Liepāja' }],
  provider: null,
};

export const analyst: Me = {
  id: 'VXNlcjoy',
  name: 'Andris Analītiķis',
  email: 'analitikis@atbalsts.example',
  role: 'MINISTRY_ANALYST',
  region: null,
  municipalities: [],
  provider: null,
};

export const coordinator: Me = {
  id: 'VXNlcjoz',
  name: 'Kārlis Koordinators',
  email: 'koordinators.kurzeme@atbalsts.example',
  role: 'REGION_COORDINATOR',
  region: { id: 'UGxhbm5pbmdSZWdpb246MQ', name: 'Kurzemes plānošanas reģions', nameEn: 'Kurzeme Planning Region' },
  municipalities: [],
  provider: null,
};

/** The answer of `me` for a user, or for nobody. */
export const meAnswer = (me: Me | null) => () => ({ data: { me } });
