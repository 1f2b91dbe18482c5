// Made-up deliveries and connections of them, as the server answers them, for the tests of
// the delivery log, the verification queue and claims.
import { providers, serviceTypes } from './caseServer';

export function delivery(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'ServiceDelivery',
    id: 'D1',
    date: '2021-03-15',
    units: 1,
    recipient: 'CHILD',
    status: 'RECORDED',
    unitPrice: '30.00',
    amount: '30.00',
    specialistName: 'Pēteris Fizioterapeits',
    note: null,
    rejectReason: null,
    version: 1,
    lineKey: 'l1',
    // What the server answers the worker of the child's municipality.
    viewerCan: { __typename: 'DeliveryPermissions', verify: true, correct: true, reject: true },
    serviceType: serviceTypes[0],
    parent: null,
    provider: providers[0],
    child: { __typename: 'Child', id: 'C1', firstName: 'Elza', lastName: 'Kalniņa' },
    corrections: [],
    ...overrides,
  };
}

/** A page of a connection: its nodes, and a next page after cursor "next" when asked. */
export function connection(typename: string, nodes: unknown[], { hasNextPage = false, total = nodes.length } = {}) {
  return {
    __typename: `${typename}Connection`,
    totalCount: total,
    pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: hasNextPage ? 'next' : null },
    edges: nodes.map((node, i) => ({ __typename: `${typename}Edge`, cursor: `c${i}`, node })),
  };
}
