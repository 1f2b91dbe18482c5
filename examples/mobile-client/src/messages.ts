// What to tell the user for each error code the offline cycle meets.
import { ApiError, NetworkError } from './client.js';
import type { DeliveryError } from './types.js';

/** The limits of a delivery, each with its own code (README, "Deliveries, caps and claims"). */
const limits: Record<string, string> = {
  PLAN_NOT_ACTIVE: 'the plan is not active on that day (closed, or the day is outside its period)',
  LINE_UNITS_EXCEEDED: 'more units than remain on the plan line',
  CHILD_SESSION_CAP_EXCEEDED: "more sessions than remain of the project's cap of the child's sessions",
  PARENT_SESSION_CAP_EXCEEDED: "more sessions than remain of the project's cap of the parents' sessions",
  NO_SPECIAL_CARE_NEED: 'home care needs a special care need opinion valid on that day',
  HOME_CARE_WEEKLY_CAP_EXCEEDED: "more home-care hours than remain of the week's cap",
  RESPITE_DAYS_EXCEEDED: "more respite days than remain of the year's cap",
  RESPITE_OVERLAP: 'respite care may not overlap another service of the child',
  BUDGET_EXCEEDED: "more than remains of the plan's individual budget",
  IDEMPOTENCY_KEY_REUSED: "this capture's key was sent before with other data: the app changed a capture after sending it (a bug)",
};

/** Why one capture was refused, with what remains and who used the limit up. */
export function describeRefusal(e: DeliveryError): string {
  let text = `${e.code}: ${limits[e.code] ?? e.message}`;
  if (e.field) text += ` (${e.field}: ${e.message})`;
  if (e.remaining !== null) {
    const unit = e.code === 'BUDGET_EXCEEDED' ? ' EUR' : '';
    text += `; ${e.remaining}${unit} remain${e.limit !== null ? ` of ${e.limit}${unit}` : ''}`;
  }
  const last = e.lastCounted;
  if (last) {
    text += `; the last delivery counted: ${last.units} on ${last.date}, recorded on ${last.recordedOn} by ${last.provider.name}`;
    if (last.byAnotherProvider) text += ' (another provider)';
  }
  return text;
}

/** What a sync that stopped should tell the user; the captures are always kept. */
export function describeFailure(err: unknown): string {
  const kept = 'Nothing captured is lost: the next sync sends it again with the same keys.';
  if (err instanceof NetworkError) return `Offline or the server did not answer (${err.message}). ${kept}`;
  if (!(err instanceof ApiError)) return err instanceof Error ? err.message : String(err);
  switch (err.code) {
    case 'UNAUTHENTICATED':
      return `The token was refused: it was revoked or has expired (${err.message}). Create a new one (the profile page of the web app, or createApiToken) and set ATBALSTS_TOKEN. ${kept}`;
    case 'FORBIDDEN':
      return `This user may not use the offline package: only a PROVIDER_SPECIALIST or a MUNICIPALITY_WORKER may (${err.message}).`;
    case 'PERSISTED_QUERY_REQUIRED':
      return `The server runs only its trusted operations for this token and does not know this one: the app's operations.graphql and the server's manifest differ; update the app (${err.message}). ${kept}`;
    case 'RATE_LIMITED':
      return `Too many requests: try again in ${String(err.extensions.retryAfter ?? 'a few')} s. ${kept}`;
    case 'INTERNAL':
    case 'TIMEOUT':
    case 'CANCELLED':
      return `The server failed (${err.code}: ${err.message}${err.extensions.requestId ? `, request ${String(err.extensions.requestId)}` : ''}): try again later. ${kept}`;
    default:
      return `${err.code}: ${err.message}. ${kept}`;
  }
}
