import { Badge, Button, Group, List, Paper, Table, Title } from '@mantine/core';
import { useState } from 'react';
import { SuccessMessage } from '../../SuccessMessage';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n';
import { formatOptionalDate } from '../../../lib/dates';
import { TableScroll } from '../../TableScroll';
import { Facts } from '../Facts';
import { statusColor } from '../statusColor';
import type { AssessmentData, Qualifier } from './assessmentData';
import { CancelForm } from './CancelForm';
import { CompleteForm } from './CompleteForm';
import { RecordForm } from './RecordForm';

/**
 * One assessment: its facts, findings and recommendations, and the steps left to take, as far
 * as the server says the viewer may take them.
 */
export function AssessmentCard({ assessment: a }: { assessment: AssessmentData }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [mode, setMode] = useState<'view' | 'record' | 'complete' | 'cancel'>('view');
  const titleId = `assessment-${a.id}`;
  const [done, setDone] = useState<string | null>(null);
  const close = () => setMode('view');
  /** Closes the form; once it saved, says what was done. */
  const closed = (message: string) => (saved?: boolean) => {
    close();
    setDone(saved ? message : null);
  };
  const can = a.viewerCan;

  return (
    <Paper withBorder p="md" component="article" aria-labelledby={titleId}>
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4" id={titleId}>
          {t('assessments.cardTitle', { date: formatOptionalDate(a.scheduledOn), provider: a.provider.name })}
        </Title>
        <Badge variant="outline" color={statusColor(a.status)}>
          {t(`assessmentStatus.${a.status}`)}
        </Badge>
      </Group>
      <Facts
        items={[
          { label: t('assessments.scheduledOn'), value: formatOptionalDate(a.scheduledOn) },
          { label: t('assessments.provider'), value: a.provider.name },
          {
            label: t('assessments.team'),
            value: a.team.length ? a.team.map((m) => `${m.name} (${t(`specialty.${m.specialty}`)})`).join(', ') : '—',
          },
          ...(a.completedOn ? [{ label: t('assessments.completedOn'), value: formatOptionalDate(a.completedOn) }] : []),
          ...(a.cancelReason ? [{ label: t('assessments.cancelReason'), value: a.cancelReason }] : []),
        ]}
      />
      {a.findings.length > 0 && (
        <TableScroll label={t('assessments.findings')}>
          <Table withTableBorder mt="sm">
            <Table.Caption>{t('assessments.findings')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('assessments.area')}</Table.Th>
                <Table.Th scope="col">{t('assessments.qualifier')}</Table.Th>
                <Table.Th scope="col">{t('assessments.note')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {a.findings.map((f) => (
                <Table.Tr key={f.area}>
                  <Table.Th scope="row" fw={500}>
                    {t(`area.${f.area}`)}
                  </Table.Th>
                  <Table.Td>{t(`qualifier.${f.qualifier as Qualifier}`)}</Table.Td>
                  <Table.Td>{f.note}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      {a.recommendations.length > 0 && (
        <>
          <Title order={4} size="h6" mt="sm">
            {t('assessments.recommendations')}
          </Title>
          <List size="sm">
            {a.recommendations.map((r, i) => (
              <List.Item key={i}>
                {language === 'en' ? r.serviceType.nameEn : r.serviceType.name} — {t(`recipient.${r.recipient}`)}, {r.units}
                {r.note ? ` (${r.note})` : ''}
              </List.Item>
            ))}
          </List>
        </>
      )}
      {a.status === 'SCHEDULED' && mode === 'view' && (can.recordAssessment || can.cancel) && (
        <Group mt="sm">
          {/* Who records the findings also completes the assessment (the server's rule). */}
          {can.recordAssessment && (
            <>
              <Button variant="outline" onClick={() => setMode('record')}>
                {t('assessments.record')}
              </Button>
              <Button variant="outline" onClick={() => setMode('complete')}>
                {t('assessments.complete')}
              </Button>
            </>
          )}
          {can.cancel && (
            <Button variant="outline" color="red.9" onClick={() => setMode('cancel')}>
              {t('assessments.cancel')}
            </Button>
          )}
        </Group>
      )}
      <SuccessMessage message={done} />
      {mode === 'record' && <RecordForm assessment={a} onDone={closed(t('success.assessmentRecorded'))} />}
      {mode === 'complete' && <CompleteForm assessment={a} onDone={closed(t('success.assessmentCompleted'))} />}
      {mode === 'cancel' && <CancelForm assessment={a} onDone={closed(t('success.assessmentCancelled'))} />}
    </Paper>
  );
}
