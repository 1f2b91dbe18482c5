import { Button, Radio, Stack, TextInput, Title } from '@mantine/core';
import type { CombinedError } from '@urql/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { maxTokenDays, maxTokenName } from '../../auth/rules';
import { errorMessageKey } from '../../graphql/errors';
import { fieldErrorKeys, serverFieldError } from '../../graphql/fieldErrors';
import { useForm, type FieldErrors, type FieldMessage } from '../../lib/useForm';
import { FormError } from '../FormAlert';
import { NewSecret } from './NewSecret';
import type { ApiTokenKind } from '../../gql/graphql';
import { createApiTokenMutation } from './tokenQueries';

type TokenField = 'name' | 'expiresInDays';
type TokenValues = { name: string; days: string; kind: ApiTokenKind };

const nameRule: FieldMessage = ['tokens.nameRule', { max: maxTokenName }];

function check(v: TokenValues): FieldErrors<TokenField> {
  const found: FieldErrors<TokenField> = {};
  const trimmed = v.name.trim();
  if (trimmed === '' || [...trimmed].length > maxTokenName) found.name = nameRule;
  const n = Number(v.days);
  if (!/^\d+$/.test(v.days.trim()) || n < 1 || n > maxTokenDays) found.expiresInDays = fieldErrorKeys.expiresInDays;
  return found;
}

/**
 * A new access token: its name, days of validity and kind (personal: any query; app: only the
 * app's operations, sent by hash); its secret is shown once.
 */
export function CreateTokenForm() {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<CombinedError | null>(null);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const [, create] = useMutation(createApiTokenMutation);
  const form = useForm<TokenValues, TokenField>({
    initial: { name: '', days: '90', kind: 'PERSONAL' },
    validate: check,
    onAttempt: () => {
      setFailure(null);
      setCreated(null);
    },
  });

  const send = async (v: TokenValues): Promise<FieldErrors<TokenField> | void> => {
    const result = await create({ input: { name: v.name.trim(), expiresInDays: Number(v.days), kind: v.kind } });
    if (result.error || !result.data) {
      const field = result.error ? serverFieldError(result.error, ['name', 'expiresInDays'] as const) : null;
      if (field) return { [field]: field === 'name' ? nameRule : fieldErrorKeys[field] };
      if (result.error) setFailure(result.error);
      return;
    }
    setCreated({ name: result.data.createApiToken.token.name, secret: result.data.createApiToken.secret });
    form.set('name', '');
  };

  return (
    <Stack gap="md">
      <Title order={3}>{t('tokens.createTitle')}</Title>
      {created && <NewSecret name={created.name} secret={created.secret} />}
      <form ref={form.formRef} onSubmit={form.handleSubmit(send)} noValidate>
        <Stack gap="md" maw="28rem">
          {failure && <FormError message={t(errorMessageKey(failure))} />}
          <TextInput
            label={t('tokens.name')}
            description={t('tokens.nameHint')}
            required
            value={form.values.name}
            name="name"
            onChange={(e) => form.set('name', e.currentTarget.value)}
            error={form.error('name')}
          />
          <TextInput
            label={t('tokens.days')}
            description={t('tokens.daysHint', { max: maxTokenDays })}
            type="number"
            inputMode="numeric"
            min={1}
            max={maxTokenDays}
            required
            value={form.values.days}
            name="days"
            onChange={(e) => form.set('days', e.currentTarget.value)}
            error={form.error('expiresInDays')}
          />
          <Radio.Group label={t('tokens.kind')} value={form.values.kind} onChange={(kind) => form.set('kind', kind as ApiTokenKind)}>
            <Stack gap="xs" mt="xs">
              <Radio value="PERSONAL" name="kind" label={t('tokens.kindPersonal')} description={t('tokens.kindPersonalHint')} />
              <Radio value="APP" name="kind" label={t('tokens.kindApp')} description={t('tokens.kindAppHint')} />
            </Stack>
          </Radio.Group>
          <div>
            <Button type="submit" loading={form.submitting}>
              {t('tokens.create')}
            </Button>
          </div>
        </Stack>
      </form>
    </Stack>
  );
}
