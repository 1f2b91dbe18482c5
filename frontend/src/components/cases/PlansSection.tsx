// A child's support plans, with a link to each plan's editor, and (CreatePlanForm) creating a
// plan from a completed assessment for a project the child was accepted into.
import { Anchor, Badge, Button, Group, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDayOf, formatMoney } from '../../lib/format';
import { currentLanguage } from '../../i18n';
import type { ChildData } from '../../pages/cases/childQuery';
import { TableScroll } from '../TableScroll';
import { statusColor } from './statusColor';
import { formatPeriod } from '../../lib/dates';
import { lazyPreloaded, usePreload } from '../../lib/lazyPreloaded';

// Loaded when asked for: the child page's first load stays within its budget.
const CreatePlanForm = lazyPreloaded(() => import('./CreatePlanForm'), 'CreatePlanForm');

export function PlansSection({ child, editable }: { child: ChildData; editable: boolean }) {
  usePreload(CreatePlanForm);
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [creating, setCreating] = useState(false);
  const completed = child.assessments.filter((a) => a.status === 'COMPLETED');
  return (
    <section aria-labelledby="child-plans">
      <Group justify="space-between" mb="sm">
        <Title order={2} id="child-plans">
          {t('plans.title')}
        </Title>
        {editable && !creating && completed.length > 0 && (
          <Button variant="outline" onClick={() => setCreating(true)}>
            {t('plans.create')}
          </Button>
        )}
      </Group>
      {editable && completed.length === 0 && <Text size="sm" mb="sm">{t('plans.needsAssessment')}</Text>}
      {creating && (
        <CreatePlanForm child={child} onDone={() => setCreating(false)} />
      )}
      {child.supportPlans.length === 0 ? (
        <Text>{t('plans.empty')}</Text>
      ) : (
        <TableScroll label={t('plans.title')}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('plans.plan')}</Table.Th>
                <Table.Th scope="col">{t('plans.project')}</Table.Th>
                <Table.Th scope="col">{t('plans.status')}</Table.Th>
                <Table.Th scope="col">{t('plans.period')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('plans.budget')}
                </Table.Th>
                <Table.Th scope="col">{t('plans.pending')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {child.supportPlans.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Th scope="row" fw={500}>
                    <Anchor component={Link} to={`/plans/${encodeURIComponent(p.id)}`}>
                      {t(`planKind.${p.kind}`)}, {formatDayOf(p.createdAt)}
                    </Anchor>
                  </Table.Th>
                  <Table.Td lang="lv">{p.project.name}</Table.Td>
                  <Table.Td>
                    <Badge variant="outline" color={statusColor(p.status)}>
                      {t(`planStatus.${p.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{formatPeriod(p.current.validFrom, p.current.validTo)}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatMoney(p.current.budget, language)}
                  </Table.Td>
                  <Table.Td>
                    {p.pending && p.pending.id !== p.current.id
                      ? t('plans.pendingRevision', { number: p.pending.number, status: t(`planStatus.${p.pending.status}`) })
                      : '—'}
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
