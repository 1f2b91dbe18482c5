// A claim's (or a preview's) figures: the totals per service type and the split of the total
// by the project's funding sources, each a table with a caption and a total row.
import { Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../components/TableScroll';
import { formatMoney, formatPercent } from '../../lib/format';
import type { ClaimTotalsFieldsFragment, FundingSourceCode } from '../../gql/graphql';
import { currentLanguage } from '../../i18n';

export function ClaimTotals({
  total,
  byServiceType,
  byFundingSource,
  deliveryCount,
}: {
  total: string;
  byServiceType: ClaimTotalsFieldsFragment[];
  byFundingSource: { code: FundingSourceCode; sharePercent: string; amount: string }[];
  deliveryCount: number;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const money = (a: string) => formatMoney(a, language);
  return (
    <>
      <Title order={3} mb="xs">
        {t('claims.byService')}
      </Title>
      <TableScroll label={t('claims.byService')}>
        <Table striped withTableBorder>
          <Table.Caption className="visually-hidden">{t('claims.byService')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('plan.serviceType')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('deliveries.units')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('claims.deliveries')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('claims.children')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('deliveries.amount')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {byServiceType.map((s) => (
              <Table.Tr key={s.serviceType.id}>
                <Table.Th scope="row" fw={500}>
                  {language === 'en' ? s.serviceType.nameEn : s.serviceType.name}
                </Table.Th>
                <Table.Td ta="right">{t(`unitCount.${s.serviceType.unit}`, { count: s.units })}</Table.Td>
                <Table.Td ta="right">{s.deliveryCount}</Table.Td>
                <Table.Td ta="right">{s.childCount ?? <abbr title={t('claims.fewChildren')}>–</abbr>}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {money(s.amount)}
                </Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Th scope="row">{t('projects.total')}</Table.Th>
              <Table.Td />
              <Table.Td ta="right" fw={700}>
                {deliveryCount}
              </Table.Td>
              <Table.Td />
              <Table.Td ta="right" fw={700} style={{ whiteSpace: 'nowrap' }}>
                {money(total)}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </TableScroll>

      <Title order={3} mt="md" mb="xs">
        {t('claims.byFunding')}
      </Title>
      <TableScroll label={t('claims.byFunding')}>
        <Table striped withTableBorder>
          <Table.Caption className="visually-hidden">{t('claims.byFunding')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('projects.source')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('projects.share')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('projects.amount')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {byFundingSource.map((f) => (
              <Table.Tr key={f.code}>
                <Table.Th scope="row" fw={500}>
                  {t(`fundingSource.${f.code}`)}
                </Table.Th>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {formatPercent(f.sharePercent, language)}
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {money(f.amount)}
                </Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Th scope="row">{t('projects.total')}</Table.Th>
              <Table.Td />
              <Table.Td ta="right" fw={700} style={{ whiteSpace: 'nowrap' }}>
                {money(total)}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </TableScroll>
    </>
  );
}
