import { Button, Code, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import { FormSuccess } from '../FormAlert';
import { TableScroll } from '../TableScroll';
import { CreateTokenForm } from './CreateTokenForm';
import { RevokeTokenDialog } from './RevokeTokenDialog';
import type { Token } from './tokenQueries';

type TokenStatus = 'active' | 'expired' | 'revoked';

function tokenStatus(token: Token, now: number): TokenStatus {
  if (token.revokedAt) return 'revoked';
  if (new Date(token.expiresAt).getTime() <= now) return 'expired';
  return 'active';
}

/** The user's access tokens: the list, revoking one, and creating one. */
export function ApiTokens({ tokens }: { tokens: Token[] }) {
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
                  <Table.Th scope="col">{t('tokens.kind')}</Table.Th>
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
                      <Table.Td>{t(token.kind === 'APP' ? 'tokens.kindAppShort' : 'tokens.kindPersonalShort')}</Table.Td>
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
        <CreateTokenForm />
      </Stack>
      <RevokeTokenDialog
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
