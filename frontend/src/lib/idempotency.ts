// Keys that make a create mutation safe to retry: the client makes one per thing it creates
// and sends it with every attempt, so that an attempt whose answer was lost on a bad
// connection is not recorded twice.

/** A new key: a random UUID (version 4), as the server expects. */
export function newIdempotencyKey(): string {
  // crypto.randomUUID exists only in secure contexts (https, or http on localhost); an
  // installation reached over plain http on an intranet address still has getRandomValues.
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40; // version 4
  b[8] = (b[8] & 0x3f) | 0x80; // the RFC 4122 variant
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
