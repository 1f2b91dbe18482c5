// How a delivery's parts read in tables: who received it, how much, and where it stands.
import type { TFunction } from 'i18next';
import { formatDateTime } from '../../lib/format';
import type { DeliveryData } from './deliveryQueries';

/** "bērns", or the parent by name: "vecāki: Ozola Dace". */
export function recipientText(d: DeliveryData, t: TFunction): string {
  if (d.recipient === 'PARENTS' && d.parent) return t('deliveries.toParent', { name: `${d.parent.lastName} ${d.parent.firstName}` });
  return t(`recipient.${d.recipient}`);
}

/** "3 nodarbības". */
export function unitsText(d: { units: number; serviceType: { unit: DeliveryData['serviceType']['unit'] } }, t: TFunction): string {
  return t(`unitCount.${d.serviceType.unit}`, { count: d.units });
}

/** The status in words, with the reason of a rejection and each correction's time and reason. */
export function statusLines(d: DeliveryData, t: TFunction): string[] {
  const lines = [t(`deliveryStatus.${d.status}`)];
  if (d.status === 'REJECTED' && d.rejectReason) lines.push(t('deliveries.rejectedBecause', { reason: d.rejectReason }));
  // Analysts get no reasons: the time of a correction still tells that there was one.
  for (const c of d.corrections) {
    const at = formatDateTime(c.at);
    lines.push(c.reason ? t('deliveries.correctedAt', { at, reason: c.reason }) : t('deliveries.correctedAtOnly', { at }));
  }
  return lines;
}
