// Turns a failed GraphQL operation into the message a user should read.
import type { CombinedError } from '@urql/core';

/** The codes the server puts in extensions.code, each with its own translated message. */
const knownCodes = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'CONFLICT',
  'RATE_LIMITED',
  'TIMEOUT',
  'REQUEST_TOO_LARGE',
  'BAD_REQUEST',
  'INTERNAL',
] as const;
type KnownCode = (typeof knownCodes)[number];

/** The first extensions.code of the error's GraphQL errors, or null (e.g. a network error). */
export function errorCode(error: CombinedError): string | null {
  for (const e of error.graphQLErrors) {
    const code = e.extensions?.code;
    if (typeof code === 'string') return code;
  }
  return null;
}

/**
 * The input field a BAD_USER_INPUT error names in extensions.field (e.g. "email"), or null
 * when it names none: the form then shows the message at the field instead of at the top.
 */
export function errorField(error: CombinedError): string | null {
  for (const e of error.graphQLErrors) {
    const field = e.extensions?.field;
    if (e.extensions?.code === 'BAD_USER_INPUT' && typeof field === 'string' && field !== '') return field;
  }
  return null;
}

/** The translation key of the message for an error: by its code, never by its text. */
export function errorMessageKey(error: CombinedError): `errors.${KnownCode | 'network' | 'unknown'}` {
  if (error.networkError) return 'errors.network';
  for (const e of error.graphQLErrors) {
    const code = e.extensions?.code;
    if (typeof code === 'string' && (knownCodes as readonly string[]).includes(code)) {
      return `errors.${code as KnownCode}`;
    }
  }
  return 'errors.unknown';
}
