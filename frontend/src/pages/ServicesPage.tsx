// The service catalogue.
import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Loading, QueryError } from '../components/QueryStatus';
import { TableScroll } from '../components/TableScroll';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { formatMoney } from '../lib/format';
import { graphql } from '../gql';
import { currentLanguage } from '../i18n';

export const serviceTypesQuery = graphql(`
  query ServiceTypes {
    serviceTypes {
      id
      code
      name
      nameEn
      category
      unit
      defaultUnitPrice
      countsTowardsSessionCap
      recipients
    }
  }
`);

export function ServicesPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  useDocumentTitle(t('services.title'));
  const [{ data, fetching, error }, reexecute] = useQuery({ query: serviceTypesQuery });

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('services.title')}</Title>
        <Text mt="xs" maw="48rem">
          {t('services.intro')}
        </Text>
      </div>
      {fetching && !data && <Loading />}
      {error && !data && <QueryError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {data && data.serviceTypes.length === 0 && <Text>{t('services.empty')}</Text>}
      {data && data.serviceTypes.length > 0 && (
        <TableScroll label={t('services.tableCaption')}>
          <Table striped withTableBorder>
            <Table.Caption className="visually-hidden">{t('services.tableCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('services.name')}</Table.Th>
                <Table.Th scope="col">{t('services.category')}</Table.Th>
                <Table.Th scope="col">{t('services.unit')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('services.price')}
                </Table.Th>
                <Table.Th scope="col">{t('services.recipients')}</Table.Th>
                <Table.Th scope="col">{t('services.countsTowardsCap')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.serviceTypes.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Th scope="row" fw={500}>
                    {language === 'en' ? s.nameEn : s.name}
                  </Table.Th>
                  <Table.Td>{t(`serviceCategory.${s.category}`)}</Table.Td>
                  <Table.Td>{t(`serviceUnit.${s.unit}`)}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                    {formatMoney(s.defaultUnitPrice, language)}
                  </Table.Td>
                  <Table.Td>{s.recipients.map((r) => t(`recipient.${r}`)).join(', ')}</Table.Td>
                  <Table.Td>{s.countsTowardsSessionCap ? t('common.yes') : t('common.no')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </Stack>
  );
}
