// Turns a failed GraphQL operation into the message a user should read.
import type { CombinedError } from '@urql/core';

/** The codes the server puts in extensions.code, each with its own translated message. */
const knownCodes = ['BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED', 'CONFLICT', 'INTERNAL'] as const;
type KnownCode = (typeof knownCodes)[number];

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
