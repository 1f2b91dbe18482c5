// A revision read-only: for a plan that is not a draft, or for a user who may not edit it.
import { Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../lib/format';
import { currentLanguage } from '../../i18n';
import type { RevisionData } from '../../pages/cases/planQuery';
import { TableScroll } from '../TableScroll';
import { formatOptionalDate, formatPeriod } from '../../lib/dates';
import { Facts } from './Facts';

export function PlanRevisionView({ revision: r }: { revision: RevisionData }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return (
    <section aria-labelledby="revision-title">
      <Title order={2} id="revision-title" mb="sm">
        {t('plan.revisionTitle', { number: r.number, status: t(`planStatus.${r.status}`) })}
      </Title>
      <Facts
        items={[
          { label: t('plan.period'), value: formatPeriod(r.validFrom, r.validTo) },
          { label: t('plan.budget'), value: formatMoney(r.budget, language) },
        ]}
      />
      <Title order={3} mt="md" mb="xs">
        {t('plan.goals')}
      </Title>
      {r.goals.length === 0 ? (
        <Text>{t('plan.noGoals')}</Text>
      ) : (
        <TableScroll label={t('plan.goals')}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('plan.goalText')}</Table.Th>
                <Table.Th scope="col">{t('plan.goalIndicator')}</Table.Th>
                <Table.Th scope="col">{t('plan.goalTargetDate')}</Table.Th>
                <Table.Th scope="col">{t('plan.goalStatus')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.goals.map((g) => (
                <Table.Tr key={g.key}>
                  <Table.Td>{g.text}</Table.Td>
                  <Table.Td>{g.indicator}</Table.Td>
                  <Table.Td>{formatOptionalDate(g.targetDate)}</Table.Td>
                  <Table.Td>{t(`goalStatus.${g.status}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      <Title order={3} mt="md" mb="xs">
        {t('plan.lines')}
      </Title>
      {r.lines.length === 0 ? (
        <Text>{t('plan.noLines')}</Text>
      ) : (
        <TableScroll label={t('plan.lines')}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('plan.serviceType')}</Table.Th>
                <Table.Th scope="col">{t('plan.recipient')}</Table.Th>
                <Table.Th scope="col">{t('plan.provider')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('plan.plannedUnits')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('plan.unitPrice')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('plan.amount')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.lines.map((l) => (
                <Table.Tr key={l.key}>
                  <Table.Th scope="row" fw={500}>
                    {language === 'en' ? l.serviceType.nameEn : l.serviceType.name}
                  </Table.Th>
                  <Table.Td>{t(`recipient.${l.recipient}`)}</Table.Td>
                  <Table.Td>{l.provider?.name ?? '—'}</Table.Td>
                  <Table.Td ta="right">{l.plannedUnits}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatMoney(l.unitPrice, language)}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatMoney(l.amount, language)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </section>
  );
}
