// The form of a user's data for creating and editing: name, role and the scope the role needs
// (a region, municipalities or a provider); on creation also the email and initial password.
import { Button, Group, MultiSelect, NativeSelect, PasswordInput, Stack, TextInput } from '@mantine/core';
import type { CombinedError } from '@urql/core';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { roles, scopeKind } from '../../auth/roles';
import { passwordLength } from '../../auth/rules';
import { graphql } from '../../gql';
import type { Role } from '../../gql/graphql';
import { errorMessageKey } from '../../graphql/errors';
import { fieldErrorKeys, serverFieldError } from '../../graphql/fieldErrors';
import { formatDate } from '../../lib/format';
import { useForm, type FieldErrors } from '../../lib/useForm';
import { currentLanguage } from '../../i18n';
import { FormError } from '../FormAlert';
import { QueryError } from '../QueryStatus';
import { useUnsavedChanges } from '../../lib/useUnsavedChanges';

export const scopeOptionsQuery = graphql(`
  query ScopeOptions {
    regions {
      id
      name
      nameEn
      municipalities {
        id
        name
        validTo
      }
    }
    providers(first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

export interface UserFormValues {
  email: string;
  name: string;
  role: Role | '';
  regionId: string;
  municipalityIds: string[];
  providerId: string;
  password: string;
}

export const emptyUser: UserFormValues = {
  email: '',
  name: '',
  role: '',
  regionId: '',
  municipalityIds: [],
  providerId: '',
  password: '',
};

/** What createUser and updateUser take of the scope: only the field the role needs. */
export function scopeInput(values: UserFormValues): { regionId?: string; municipalityIds?: string[]; providerId?: string } {
  switch (values.role === '' ? null : scopeKind(values.role)) {
    case 'region':
      return { regionId: values.regionId };
    case 'municipalities':
      return { municipalityIds: values.municipalityIds };
    case 'provider':
      return { providerId: values.providerId };
    default:
      return {};
  }
}

type Field = 'email' | 'name' | 'role' | 'regionId' | 'municipalityIds' | 'providerId' | 'password';
const fieldOrder: readonly Field[] = ['email', 'name', 'role', 'regionId', 'municipalityIds', 'providerId', 'password'];

function check(values: UserFormValues, mode: 'create' | 'edit'): FieldErrors<Field> {
  const scope = values.role === '' ? null : scopeKind(values.role);
  const found: FieldErrors<Field> = {};
  if (mode === 'create' && !/^[^\s@]+@[^\s@]+$/.test(values.email.trim())) found.email = 'fieldErrors.emailFormat';
  if (values.name.trim() === '') found.name = fieldErrorKeys.name;
  if (values.role === '') found.role = fieldErrorKeys.role;
  if (scope === 'region' && values.regionId === '') found.regionId = fieldErrorKeys.regionId;
  if (scope === 'municipalities' && values.municipalityIds.length === 0) found.municipalityIds = fieldErrorKeys.municipalityIds;
  if (scope === 'provider' && values.providerId === '') found.providerId = fieldErrorKeys.providerId;
  const n = [...values.password].length;
  if (mode === 'create' && (n < passwordLength.min || n > passwordLength.max)) found.password = fieldErrorKeys.password;
  return found;
}

/**
 * `onSubmit` sends the values and answers with the error, if any: one that names a field is
 * shown at that field, any other above the form.
 */
export function UserForm({
  mode,
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  mode: 'create' | 'edit';
  initial: UserFormValues;
  submitLabel: string;
  onSubmit: (values: UserFormValues) => Promise<CombinedError | null>;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const english = currentLanguage(i18n) === 'en';
  const [failure, setFailure] = useState<CombinedError | null>(null);
  const [{ data: options, error: optionsError }, reloadOptions] = useQuery({ query: scopeOptionsQuery });
  const form = useForm<UserFormValues, Field>({
    initial,
    validate: (v) => check(v, mode),
    onAttempt: () => setFailure(null),
  });
  const values = form.values;
  const scope = values.role === '' ? null : scopeKind(values.role);
  const set = form.set;

  const send = async (v: UserFormValues): Promise<FieldErrors<Field> | void> => {
    const error = await onSubmit({ ...v, email: v.email.trim(), name: v.name.trim() });
    if (!error) return;
    const field = serverFieldError(error, fieldOrder);
    if (field) return { [field]: fieldErrorKeys[field] };
    setFailure(error);
  };

  // Municipalities grouped by planning region; ended ones (merged in a reform) say until when.
  const municipalityData = (options?.regions ?? []).map((r) => ({
    group: english ? r.nameEn : r.name,
    items: r.municipalities.map((m) => ({
      value: m.id,
      label: m.validTo ? t('users.municipalityEnded', { name: m.name, date: formatDate(m.validTo) }) : m.name,
    })),
  }));

  const unsaved = useUnsavedChanges(form.dirty);
  return (
    <form ref={form.formRef} onSubmit={form.handleSubmit(unsaved.whileSaving(send))} noValidate>
      <Stack gap="md">
        {failure && <FormError message={conflictOr(failure, t)} />}
        {optionsError && !options && <QueryError error={optionsError} onRetry={() => reloadOptions({ requestPolicy: 'network-only' })} />}
        {mode === 'create' && (
          <TextInput
            label={t('users.email')}
            type="email"
            autoComplete="off"
            required
            value={values.email}
            name="email"
            onChange={(e) => set('email', e.currentTarget.value)}
            error={form.error('email')}
          />
        )}
        <TextInput
          label={t('users.name')}
          autoComplete="off"
          required
          value={values.name}
          name="name"
          onChange={(e) => set('name', e.currentTarget.value)}
          error={form.error('name')}
        />
        <NativeSelect
          label={t('users.role')}
          required
          value={values.role}
          name="role"
          onChange={(e) => set('role', e.currentTarget.value as Role | '')}
          error={form.error('role')}
        >
          <option value="">{t('users.chooseRole')}</option>
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </NativeSelect>
        {scope === 'region' && (
          <NativeSelect
            label={t('users.region')}
            required
            value={values.regionId}
            name="regionId"
            onChange={(e) => set('regionId', e.currentTarget.value)}
            error={form.error('regionId')}
          >
            <option value="">{t('users.chooseRegion')}</option>
            {options?.regions.map((r) => (
              <option key={r.id} value={r.id}>
                {english ? r.nameEn : r.name}
              </option>
            ))}
          </NativeSelect>
        )}
        {scope === 'municipalities' && (
          <MultiSelect
            label={t('users.municipalities')}
            description={t('users.municipalitiesHint')}
            required
            searchable
            hidePickedOptions
            nothingFoundMessage={t('users.nothingFound')}
            data={municipalityData}
            value={values.municipalityIds}
            name="municipalityIds"
            onChange={(ids) => set('municipalityIds', ids)}
            error={form.error('municipalityIds')}
          />
        )}
        {scope === 'provider' && (
          <NativeSelect
            label={t('users.provider')}
            required
            value={values.providerId}
            name="providerId"
            onChange={(e) => set('providerId', e.currentTarget.value)}
            error={form.error('providerId')}
          >
            <option value="">{t('users.chooseProvider')}</option>
            {options?.providers.edges.map(({ node }) => (
              <option key={node.id} value={node.id}>
                {node.name}
              </option>
            ))}
          </NativeSelect>
        )}
        {mode === 'create' && (
          <PasswordInput
            label={t('users.initialPassword')}
            description={t('forms.passwordRule', passwordLength)}
            autoComplete="new-password"
            required
            value={values.password}
            name="password"
            onChange={(e) => set('password', e.currentTarget.value)}
            error={form.error('password')}
            visibilityToggleButtonProps={{ 'aria-label': t('forms.showPassword') }}
          />
        )}
        {unsaved.guard}
        <Group gap="sm">
          <Button type="submit" loading={form.submitting}>
            {submitLabel}
          </Button>
          <Button variant="outline" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** CONFLICT gets a message of its own: someone else changed the user meanwhile. */
function conflictOr(error: CombinedError, t: TFunction): string {
  const key = errorMessageKey(error);
  return key === 'errors.CONFLICT' ? t('users.conflict') : t(key);
}
