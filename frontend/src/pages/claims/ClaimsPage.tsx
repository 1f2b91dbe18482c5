// Compensation claims the user may see, newest first: a municipality worker's municipalities',
// a region coordinator's (for the projects the region leads), all for an administrator or an
// analyst. Workers prepare new ones here.
import { Anchor, Button, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe, worksIn } from '../../auth/session';
import { formatPeriod } from '../../lib/dates';
import { Loading, QueryError } from '../../components/QueryStatus';
import { TableScroll } from '../../components/TableScroll';
import { usePages } from '../../components/usePages';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { formatDateTime, formatMoney } from '../../lib/format';
import type { ClaimFilter, ClaimStatus } from '../../gql/graphql';
import { currentLanguage } from '../../i18n';
import { claimsQuery } from './claimQueries';
import { everyOf } from '../../lib/everyOf';

export const claimStatuses = everyOf<ClaimStatus>()(['SUBMITTED', 'APPROVED', 'REJECTED', 'PAID']);

export function ClaimsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('claims.title'));
  const me = useMe();
  const [status, setStatus] = useState<ClaimStatus | ''>('');
  const filter: ClaimFilter = status ? { status } : {};

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('claims.title')}</Title>
          <Text mt="xs" maw="48rem">
            {t('claims.intro')}
          </Text>
        </div>
        {worksIn(me, 'prepareClaims') && (
          <Button component={Link} to="/claims/new">
            {t('claims.new')}
          </Button>
        )}
      </Group>
      <NativeSelect
        label={t('claims.filterStatus')}
        value={status}
        onChange={(e) => setStatus(e.currentTarget.value as ClaimStatus | '')}
        data={[{ value: '', label: t('children.any') }, ...claimStatuses.map((s) => ({ value: s, label: t(`claimStatus.${s}`) }))]}
        maw="20rem"
      />
      {/* A new filter starts the list afresh. */}
      <ClaimsTable key={status} filter={filter} />
    </Stack>
  );
}

function ClaimsTable({ filter }: { filter: ClaimFilter }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const list = usePages({ query: claimsQuery, variables: { filter }, connection: (d) => d.claims });

  if (list.error && !list.loaded) return <QueryError error={list.error} onRetry={list.retry} />;
  if (!list.loaded) return list.fetching ? <Loading /> : null;
  return (
    <Stack gap="sm">
      <Text role="status" fw={500}>
        {t('claims.count', { count: list.total ?? list.nodes.length })}
      </Text>
      {list.nodes.length > 0 && (
        <TableScroll label={t('claims.tableCaption')}>
          <Table striped withTableBorder>
            <Table.Caption className="visually-hidden">{t('claims.tableCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('claims.period')}</Table.Th>
                <Table.Th scope="col">{t('claims.status')}</Table.Th>
                <Table.Th scope="col">{t('claims.municipality')}</Table.Th>
                <Table.Th scope="col">{t('claims.project')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('claims.total')}
                </Table.Th>
                <Table.Th scope="col">{t('claims.submittedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.nodes.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Th scope="row" fw={500}>
                    <Anchor component={Link} to={`/claims/${encodeURIComponent(c.id)}`}>
                      {formatPeriod(c.periodFrom, c.periodTo)}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{t(`claimStatus.${c.status}`)}</Table.Td>
                  <Table.Td lang="lv">{c.municipality.name}</Table.Td>
                  <Table.Td lang="lv">{`${c.project.name} (${c.project.code})`}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatMoney(c.total, language)}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(c.submittedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      {list.error && <QueryError error={list.error} onRetry={list.retry} />}
      {list.loadMore && (
        <Group>
          <Button variant="outline" loading={list.fetching} onClick={list.loadMore}>
            {t('deliveries.loadMore')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
