// A project's amendments, newest first: number, the day agreed, when entered and by whom, the
// reason, and each field it changed with the value before and after.
import { List, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../components/TableScroll';
import { currentLanguage, type Language } from '../../i18n';
import { formatDate, formatDateTime, formatMoney } from '../../lib/format';
import type { Project } from '../ProjectsPage';

const knownFields = ['name', 'startDate', 'endDate', 'totalBudget', 'fundingSources', 'partnerMunicipalities', 'targets', 'capRules'] as const;
type KnownField = (typeof knownFields)[number];

/** A value as the server writes it, in the app's notation where it is a date or an amount. */
function shown(value: string | null | undefined, field: string, language: Language): string {
  if (value === null || value === undefined || value === '') return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  if (field === 'totalBudget' && /^\d+(\.\d{1,2})?$/.test(value)) return formatMoney(value, language);
  return value;
}

export function AmendmentHistory({ project: p, headingId }: { project: Project; headingId: string }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const caption = t('projectAdmin.historyCaption', { name: p.name });
  const fieldLabel = (field: string) =>
    (knownFields as readonly string[]).includes(field) ? t(`projectAdmin.changeField.${field as KnownField}`) : field;
  return (
    <>
      <Title order={3} mt="lg" mb="xs" id={headingId}>
        {t('projectAdmin.historyTitle')}
      </Title>
      {p.amendments.length === 0 ? (
        <Text>{t('projectAdmin.historyEmpty')}</Text>
      ) : (
        <TableScroll label={caption}>
          <Table striped withTableBorder>
            <Table.Caption className="visually-hidden">{caption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('projectAdmin.number')}</Table.Th>
                <Table.Th scope="col">{t('projectAdmin.decidedOnColumn')}</Table.Th>
                <Table.Th scope="col">{t('projectAdmin.enteredAt')}</Table.Th>
                <Table.Th scope="col">{t('projectAdmin.actor')}</Table.Th>
                <Table.Th scope="col">{t('projectAdmin.reasonColumn')}</Table.Th>
                <Table.Th scope="col">{t('projectAdmin.changes')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.amendments.map((a) => (
                <Table.Tr key={a.number}>
                  <Table.Th scope="row">{a.number}</Table.Th>
                  <Table.Td>{formatDate(a.decidedOn)}</Table.Td>
                  <Table.Td>{formatDateTime(a.enteredAt)}</Table.Td>
                  <Table.Td>{a.actor?.name ?? '—'}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{a.reason}</Table.Td>
                  <Table.Td>
                    <List size="sm" spacing={2}>
                      {a.changes.map((c) => (
                        <List.Item key={c.field}>
                          {t('projectAdmin.change', {
                            field: fieldLabel(c.field),
                            before: shown(c.before, c.field, language),
                            after: shown(c.after, c.field, language),
                          })}
                        </List.Item>
                      ))}
                    </List>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </>
  );
}
