// The outcome of an offline entry in words: the rule broken, what remains in the limit's unit
// (or in euros for the budget), and who used it up, in Latvian and English.
import { describe, expect, it } from 'vitest';
import { createI18n, loadLanguage } from '../../i18n';
import { outcomeText } from './outcome';
import type { DeliveryError, QueuedEntry } from './types';

const NBSP = '\u00a0';

function refused(error: Partial<DeliveryError>): QueuedEntry {
  return {
    input: { idempotencyKey: 'k', planId: 'p', lineKey: 'l', date: '2026-03-14', units: 1, parentId: null, note: null },
    createdAt: '2026-03-14T08:00:00Z',
    childId: '1',
    childName: 'Jansone Līva',
    serviceName: 'Fizioterapija',
    serviceNameEn: 'Physiotherapy',
    recipient: 'CHILD',
    unit: 'SESSION',
    status: 'REFUSED',
    error: { __typename: 'DeliveryError', code: 'CHILD_SESSION_CAP_EXCEEDED', message: 'capped', field: null, remaining: null, limit: null, lastCounted: null, ...error },
  };
}

const byTilts = {
  __typename: 'CountedDelivery' as const,
  date: '2026-03-14',
  recordedOn: '2026-03-15',
  units: 1,
  provider: { __typename: 'Provider' as const, id: '2', name: 'Biedrība "Atbalsta tilts"' },
  byAnotherProvider: true,
};

describe('outcomeText', () => {
  it('says in Latvian that another provider used up the cap, when, and what remains', () => {
    const i18n = createI18n('lv');
    expect(outcomeText(refused({ remaining: '0', limit: '100', lastCounted: byTilts }), i18n.t, 'lv')).toBe(
      'Atteikts: Ieraksts pārsniedz projekta ierobežojumu bērna nodarbībām. Ierobežojumu izlietoja cits pakalpojuma sniedzējs ' +
        '(Biedrība "Atbalsta tilts") ar ierakstu par 14.03.2026 (reģistrēts 15.03.2026); atlikums: 0 nodarbību.',
    );
  });

  it('names the last counted entry of the same provider without blaming another, and the budget in euros', () => {
    const i18n = createI18n('lv');
    expect(
      outcomeText(refused({ code: 'BUDGET_EXCEEDED', remaining: '1234.5', lastCounted: { ...byTilts, byAnotherProvider: false } }), i18n.t, 'lv'),
    ).toBe(
      `Atteikts: Ieraksts pārsniedz plāna individuālo budžetu. Pēdējais ieskaitītais ieraksts: Biedrība "Atbalsta tilts", 14.03.2026 (reģistrēts 15.03.2026); atlikums: 1${NBSP}234,50${NBSP}€.`,
    );
  });

  it('counts what remains of a line in the line’s unit, and says the other outcomes', async () => {
    await loadLanguage('en');
    const i18n = createI18n('en');
    expect(outcomeText({ ...refused({ code: 'LINE_UNITS_EXCEEDED', remaining: '2' }), unit: 'HOUR' }, i18n.t, 'en')).toMatch(/ Remaining: 2 hours\.$/);
    expect(outcomeText({ ...refused({}), status: 'RECORDED' }, i18n.t, 'en')).toBe('Recorded');
    expect(outcomeText({ ...refused({}), status: 'ALREADY_RECORDED' }, i18n.t, 'en')).toBe('Already recorded (not recorded again)');
    expect(outcomeText({ ...refused({}), status: 'queued' }, i18n.t, 'en')).toBe('Waiting to be sent');
  });
});
