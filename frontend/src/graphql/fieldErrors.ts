// Server errors shown at the field they concern. The server names the input field in
// extensions.field; its message is English only, so each field has its own translated message
// that covers what the server checks about it.
import type { CombinedError } from '@urql/core';
import { errorField } from './errors';

/** The input fields the server may name, with the key of their message in `fieldErrors`. */
export const fieldErrorKeys = {
  email: 'fieldErrors.email',
  name: 'fieldErrors.name',
  role: 'fieldErrors.role',
  regionId: 'fieldErrors.regionId',
  municipalityIds: 'fieldErrors.municipalityIds',
  providerId: 'fieldErrors.providerId',
  password: 'fieldErrors.password',
  newPassword: 'fieldErrors.password',
  currentPassword: 'fieldErrors.currentPassword',
  expiresInDays: 'fieldErrors.expiresInDays',
  id: 'fieldErrors.deactivateSelf',
} as const;

export type ErrorField = keyof typeof fieldErrorKeys;
export type FieldErrorKey = (typeof fieldErrorKeys)[ErrorField];

/**
 * The field of `fields` that a BAD_USER_INPUT error names, or null when it names none of
 * them (the form then shows the error above itself).
 */
export function serverFieldError<F extends ErrorField>(error: CombinedError, fields: readonly F[]): F | null {
  const field = errorField(error);
  return field !== null && (fields as readonly string[]).includes(field) ? (field as F) : null;
}
