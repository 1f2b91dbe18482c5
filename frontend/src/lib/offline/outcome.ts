// What became of an entry, in words of the user's language: waiting, recorded, recorded
// before, or refused with the reason built from the error's code, what remains of the limit
// and the delivery that used it up ("the cap was used up by another provider (X) with the
// session of 14.03.2026: 0 sessions remain").
import type { TFunction } from 'i18next';
import type { Language } from '../../i18n';
import { formatDate, formatMoney } from '../format';
import type { DeliveryError, QueuedEntry } from './types';

/** Codes whose `remaining` is in units of a cap rather than of the entry's line. */
const capUnits: Record<string, 'SESSION' | 'HOUR' | 'DAY'> = {
  CHILD_SESSION_CAP_EXCEEDED: 'SESSION',
  PARENT_SESSION_CAP_EXCEEDED: 'SESSION',
  HOME_CARE_WEEKLY_CAP_EXCEEDED: 'HOUR',
  RESPITE_DAYS_EXCEEDED: 'DAY',
};

/** The codes of delivery rules with their own message (caseErrors.form.*). */
const knownCodes = new Set([
  'PLAN_NOT_ACTIVE',
  'LINE_UNITS_EXCEEDED',
  'CHILD_SESSION_CAP_EXCEEDED',
  'PARENT_SESSION_CAP_EXCEEDED',
  'NO_SPECIAL_CARE_NEED',
  'HOME_CARE_WEEKLY_CAP_EXCEEDED',
  'RESPITE_DAYS_EXCEEDED',
  'RESPITE_OVERLAP',
  'BUDGET_EXCEEDED',
  'IDEMPOTENCY_KEY_REUSED',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
]);

/** The reason of a refusal: the rule broken, what remains, and who used it up. */
export function refusalText(error: DeliveryError, entry: Pick<QueuedEntry, 'unit'>, t: TFunction, language: Language): string {
  const parts: string[] = [];
  if (error.code === 'NOT_FOUND') parts.push(t('mySessions.refusedNotFound'));
  else if (knownCodes.has(error.code)) parts.push(t(`caseErrors.form.${error.code}` as 'caseErrors.form.NOT_FOUND'));
  else parts.push(error.message);
  if (error.remaining !== null && error.remaining !== undefined) {
    const remaining =
      error.code === 'BUDGET_EXCEEDED'
        ? formatMoney(error.remaining, language)
        : t(`unitCount.${capUnits[error.code] ?? entry.unit}`, { count: Number(error.remaining) });
    const c = error.lastCounted;
    if (c) {
      const values = { provider: c.provider.name, date: formatDate(c.date), recordedOn: formatDate(c.recordedOn), remaining };
      parts.push(c.byAnotherProvider ? t('mySessions.usedUpByAnother', values) : t('mySessions.usedUpBy', values));
    } else {
      parts.push(t('mySessions.remaining', { remaining }));
    }
  }
  return parts.join(' ');
}

/** The outcome of an entry in words. */
export function outcomeText(entry: QueuedEntry, t: TFunction, language: Language): string {
  switch (entry.status) {
    case 'queued':
      return t('mySessions.outcome.queued');
    case 'RECORDED':
      return t('mySessions.outcome.recorded');
    case 'ALREADY_RECORDED':
      return t('mySessions.outcome.alreadyRecorded');
    case 'REFUSED':
      return entry.error ? t('mySessions.outcome.refused', { reason: refusalText(entry.error, entry, t, language) }) : t('mySessions.outcome.refusedPlain');
  }
}
