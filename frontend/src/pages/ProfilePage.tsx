// The signed-in user's own page: their data, a new password, and personal access tokens for
// scripts and mobile clients.
import { Alert, Button, Code, Group, Modal, PasswordInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { CombinedError } from '@urql/core';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { maxTokenDays, maxTokenName, passwordLength } from '../auth/rules';
import { FormError, FormSuccess } from '../components/FormAlert';
import { Loading, QueryError } from '../components/QueryStatus';
import { TableScroll } from '../components/TableScroll';
import { UserScope } from '../components/UserScope';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { formatDateTime } from '../lib/format';
import { graphql } from '../gql';
import type { ProfileQuery } from '../gql/graphql';
import { errorMessageKey } from '../graphql/errors';
import { fieldErrorKeys, serverFieldError } from '../graphql/fieldErrors';

export const profileQuery = graphql(`
  query Profile {
    me {
      id
      name
      email
      role
      createdAt
      lastSignInAt
      region {
        id
        name
        nameEn
      }
      municipalities {
        id
        name
      }
      provider {
        id
        name
      }
      apiTokens {
        id
        name
        prefix
        createdAt
        expiresAt
        lastUsedAt
        revokedAt
      }
    }
  }
`);

export const changePasswordMutation = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      user {
        id
      }
    }
  }
`);

export const createApiTokenMutation = graphql(`
  mutation CreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      secret
      token {
        id
        name
        prefix
        createdAt
        expiresAt
        lastUsedAt
        revokedAt
      }
    }
  }
`);

export const revokeApiTokenMutation = graphql(`
  mutation RevokeApiToken($input: RevokeApiTokenInput!) {
    revokeApiToken(input: $input) {
      token {
        id
        revokedAt
      }
    }
  }
`);

type Profile = NonNullable<ProfileQuery['me']>;
type Token = Profile['apiTokens'][number];


export function ProfilePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('profile.title'));
  // additionalTypenames: a first token must refresh the list even while it holds no token yet.
  const context = useMemo(() => ({ additionalTypenames: ['ApiToken'] }), []);
  const [{ data, fetching, error }, reexecute] = useQuery({ query: profileQuery, context });
  const me = data?.me;

  return (
    <Stack gap="xl">
      <Title order={1}>{t('profile.title')}</Title>
      {fetching && !data && <Loading />}
      {error && !data && <QueryError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {me && (
        <>
          <ProfileData me={me} />
          <ChangePassword />
          <ApiTokens tokens={me.apiTokens} />
        </>
      )}
    </Stack>
  );
}

function ProfileData({ me }: { me: Profile }) {
  const { t } = useTranslation();
  const rows: [string, React.ReactNode][] = [
    [t('profile.name'), me.name],
    [t('profile.email'), me.email],
    [t('profile.role'), t(`role.${me.role}`)],
    [t('profile.scope'), <UserScope user={me} />],
    [t('profile.lastSignIn'), me.lastSignInAt ? formatDateTime(me.lastSignInAt) : t('profile.never')],
  ];
  return (
    <section aria-labelledby="profile-data">
      <Title order={2} id="profile-data" mb="sm">
        {t('profile.dataTitle')}
      </Title>
      <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '0.25rem 1.5rem', margin: 0 }}>
        {rows.map(([label, value]) => (
          <div key={label} style={{ display: 'contents' }}>
            <dt style={{ fontWeight: 600 }}>{label}</dt>
            <dd style={{ margin: 0 }}>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

type PasswordField = 'currentPassword' | 'newPassword' | 'repeat';

function ChangePassword() {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<PasswordField, string>>({ currentPassword: '', newPassword: '', repeat: '' });
  const [errors, setErrors] = useState<Partial<Record<PasswordField, string>>>({});
  const [failure, setFailure] = useState<CombinedError | null>(null);
  const [done, setDone] = useState(false);
  const [{ fetching }, change] = useMutation(changePasswordMutation);
  const refs = {
    currentPassword: useRef<HTMLInputElement>(null),
    newPassword: useRef<HTMLInputElement>(null),
    repeat: useRef<HTMLInputElement>(null),
  };

  function check(): Partial<Record<PasswordField, string>> {
    const found: Partial<Record<PasswordField, string>> = {};
    if (values.currentPassword === '') found.currentPassword = t('profile.currentPasswordMissing');
    const n = [...values.newPassword].length;
    if (n < passwordLength.min || n > passwordLength.max) found.newPassword = t(fieldErrorKeys.newPassword);
    else if (values.repeat !== values.newPassword) found.repeat = t('profile.repeatMismatch');
    return found;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    setFailure(null);
    const found = check();
    setErrors(found);
    const first = (['currentPassword', 'newPassword', 'repeat'] as const).find((f) => found[f]);
    if (first) {
      refs[first].current?.focus();
      return;
    }
    const result = await change({ input: { currentPassword: values.currentPassword, newPassword: values.newPassword } });
    if (result.error) {
      const field = serverFieldError(result.error, ['currentPassword', 'newPassword'] as const);
      if (field) {
        setErrors({ [field]: t(fieldErrorKeys[field]) });
        refs[field].current?.focus();
      } else {
        setFailure(result.error);
      }
      return;
    }
    setValues({ currentPassword: '', newPassword: '', repeat: '' });
    setDone(true);
  }

  const set = (field: PasswordField) => (e: React.ChangeEvent<HTMLInputElement>) => {
    const value = e.currentTarget.value;
    setValues((v) => ({ ...v, [field]: value }));
  };
  const toggle = { 'aria-label': t('forms.showPassword') };

  return (
    <section aria-labelledby="profile-password">
      <Title order={2} id="profile-password" mb="sm">
        {t('profile.passwordTitle')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="md" maw="28rem">
          {failure && <FormError message={t(errorMessageKey(failure))} />}
          {done && <FormSuccess message={t('profile.passwordChanged')} />}
          <PasswordInput
            ref={refs.currentPassword}
            label={t('profile.currentPassword')}
            autoComplete="current-password"
            required
            value={values.currentPassword}
            onChange={set('currentPassword')}
            error={errors.currentPassword}
            visibilityToggleButtonProps={toggle}
          />
          <PasswordInput
            ref={refs.newPassword}
            label={t('profile.newPassword')}
            description={t('forms.passwordRule', passwordLength)}
            autoComplete="new-password"
            required
            value={values.newPassword}
            onChange={set('newPassword')}
            error={errors.newPassword}
            visibilityToggleButtonProps={toggle}
          />
          <PasswordInput
            ref={refs.repeat}
            label={t('profile.repeatPassword')}
            autoComplete="new-password"
            required
            value={values.repeat}
            onChange={set('repeat')}
            error={errors.repeat}
            visibilityToggleButtonProps={toggle}
          />
          <div>
            <Button type="submit" loading={fetching}>
              {t('profile.changePassword')}
            </Button>
          </div>
        </Stack>
      </form>
    </section>
  );
}

type TokenStatus = 'active' | 'expired' | 'revoked';

function tokenStatus(token: Token, now: number): TokenStatus {
  if (token.revokedAt) return 'revoked';
  if (new Date(token.expiresAt).getTime() <= now) return 'expired';
  return 'active';
}

function ApiTokens({ tokens }: { tokens: Token[] }) {
  const { t } = useTranslation();
  const [revoking, setRevoking] = useState<Token | null>(null);
  const [revoked, setRevoked] = useState<string | null>(null);
  const now = Date.now();

  return (
    <section aria-labelledby="profile-tokens">
      <Title order={2} id="profile-tokens" mb="xs">
        {t('tokens.title')}
      </Title>
      <Text mb="md" maw="48rem">
        {t('tokens.intro')}
      </Text>
      <Stack gap="lg">
        {revoked && <FormSuccess message={t('tokens.revoked', { name: revoked })} />}
        {tokens.length === 0 ? (
          <Text>{t('tokens.empty')}</Text>
        ) : (
          <TableScroll label={t('tokens.tableCaption')}>
            <Table striped withTableBorder>
              <Table.Caption className="visually-hidden">{t('tokens.tableCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('tokens.name')}</Table.Th>
                  <Table.Th scope="col">{t('tokens.prefix')}</Table.Th>
                  <Table.Th scope="col">{t('tokens.createdAt')}</Table.Th>
                  <Table.Th scope="col">{t('tokens.expiresAt')}</Table.Th>
                  <Table.Th scope="col">{t('tokens.lastUsedAt')}</Table.Th>
                  <Table.Th scope="col">{t('tokens.status')}</Table.Th>
                  <Table.Th scope="col">
                    <span className="visually-hidden">{t('tokens.actions')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tokens.map((token) => {
                  const status = tokenStatus(token, now);
                  return (
                    <Table.Tr key={token.id}>
                      <Table.Th scope="row" fw={500}>
                        {token.name}
                      </Table.Th>
                      <Table.Td>
                        <Code>{token.prefix}…</Code>
                      </Table.Td>
                      <Table.Td>{formatDateTime(token.createdAt)}</Table.Td>
                      <Table.Td>{formatDateTime(token.expiresAt)}</Table.Td>
                      <Table.Td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t('profile.never')}</Table.Td>
                      <Table.Td>
                        {status === 'revoked' && token.revokedAt
                          ? t('tokens.statusRevoked', { time: formatDateTime(token.revokedAt) })
                          : t(status === 'active' ? 'tokens.statusActive' : 'tokens.statusExpired')}
                      </Table.Td>
                      <Table.Td>
                        {status === 'active' && (
                          <Button
                            size="xs"
                            variant="outline"
                            color="red.9"
                            aria-label={t('tokens.revokeNamed', { name: token.name })}
                            onClick={() => {
                              setRevoked(null);
                              setRevoking(token);
                            }}
                          >
                            {t('tokens.revoke')}
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
        <CreateToken />
      </Stack>
      <RevokeToken
        token={revoking}
        onClose={() => setRevoking(null)}
        onRevoked={(name) => {
          setRevoking(null);
          setRevoked(name);
        }}
      />
    </section>
  );
}

type TokenField = 'name' | 'expiresInDays';

function CreateToken() {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [days, setDays] = useState('90');
  const [errors, setErrors] = useState<Partial<Record<TokenField, string>>>({});
  const [failure, setFailure] = useState<CombinedError | null>(null);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const [{ fetching }, create] = useMutation(createApiTokenMutation);
  const refs = { name: useRef<HTMLInputElement>(null), expiresInDays: useRef<HTMLInputElement>(null) };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    setCreated(null);
    const found: Partial<Record<TokenField, string>> = {};
    const trimmed = name.trim();
    if (trimmed === '' || [...trimmed].length > maxTokenName) found.name = t('tokens.nameRule', { max: maxTokenName });
    const n = Number(days);
    if (!/^\d+$/.test(days.trim()) || n < 1 || n > maxTokenDays) found.expiresInDays = t(fieldErrorKeys.expiresInDays);
    setErrors(found);
    const first = (['name', 'expiresInDays'] as const).find((f) => found[f]);
    if (first) {
      refs[first].current?.focus();
      return;
    }
    const result = await create({ input: { name: trimmed, expiresInDays: n } });
    if (result.error || !result.data) {
      const field = result.error ? serverFieldError(result.error, ['name', 'expiresInDays'] as const) : null;
      if (field) {
        setErrors({ [field]: field === 'name' ? t('tokens.nameRule', { max: maxTokenName }) : t(fieldErrorKeys[field]) });
        refs[field].current?.focus();
      } else if (result.error) {
        setFailure(result.error);
      }
      return;
    }
    setCreated({ name: result.data.createApiToken.token.name, secret: result.data.createApiToken.secret });
    setName('');
  }

  return (
    <Stack gap="md">
      <Title order={3}>{t('tokens.createTitle')}</Title>
      {created && <NewSecret name={created.name} secret={created.secret} />}
      <form onSubmit={submit} noValidate>
        <Stack gap="md" maw="28rem">
          {failure && <FormError message={t(errorMessageKey(failure))} />}
          <TextInput
            ref={refs.name}
            label={t('tokens.name')}
            description={t('tokens.nameHint')}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
          />
          <TextInput
            ref={refs.expiresInDays}
            label={t('tokens.days')}
            description={t('tokens.daysHint', { max: maxTokenDays })}
            type="number"
            inputMode="numeric"
            min={1}
            max={maxTokenDays}
            required
            value={days}
            onChange={(e) => setDays(e.currentTarget.value)}
            error={errors.expiresInDays}
          />
          <div>
            <Button type="submit" loading={fetching}>
              {t('tokens.create')}
            </Button>
          </div>
        </Stack>
      </form>
    </Stack>
  );
}

/** The new token's secret, shown this once, with a way to copy it. */
function NewSecret({ name, secret }: { name: string; secret: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<boolean | null>(null);
  // The Clipboard API exists only in secure contexts (https or localhost); elsewhere the
  // field is selected on focus, for Ctrl+C.
  const canCopy = typeof navigator !== 'undefined' && !!navigator.clipboard;
  return (
    <Alert role="status" color="teal.9" variant="outline" title={t('tokens.createdTitle', { name })}>
      <Stack gap="sm">
        <Text>{t('tokens.copyHint')}</Text>
        <TextInput
          label={t('tokens.secret')}
          value={secret}
          readOnly
          onFocus={(e) => e.currentTarget.select()}
          styles={{ input: { fontFamily: 'monospace' } }}
        />
        {canCopy && (
          <Group gap="sm">
            <Button
              variant="outline"
              size="sm"
              onClick={() => {
                navigator.clipboard.writeText(secret).then(
                  () => setCopied(true),
                  () => setCopied(false),
                );
              }}
            >
              {t('tokens.copy')}
            </Button>
            {copied !== null && <Text size="sm">{copied ? t('tokens.copied') : t('tokens.copyFailed')}</Text>}
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

function RevokeToken({ token, onClose, onRevoked }: { token: Token | null; onClose: () => void; onRevoked: (name: string) => void }) {
  const { t } = useTranslation();
  const [{ fetching }, revoke] = useMutation(revokeApiTokenMutation);
  const [failure, setFailure] = useState<CombinedError | null>(null);
  const close = () => {
    setFailure(null);
    onClose();
  };
  return (
    <Modal
      opened={token !== null}
      onClose={close}
      title={t('tokens.revokeTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {token && (
        <Stack gap="md">
          {failure && <FormError message={t(errorMessageKey(failure))} />}
          <Text>{t('tokens.revokeText', { name: token.name })}</Text>
          <Group gap="sm">
            <Button
              color="red.9"
              loading={fetching}
              onClick={async () => {
                const result = await revoke({ input: { id: token.id } });
                if (result.error) setFailure(result.error);
                else {
                  setFailure(null);
                  onRevoked(token.name);
                }
              }}
            >
              {t('tokens.revokeConfirm')}
            </Button>
            <Button variant="outline" onClick={close}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
