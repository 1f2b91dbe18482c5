// The planning regions and their municipalities.
import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Loading, QueryError } from '../components/QueryStatus';
import { TableScroll } from '../components/TableScroll';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { formatDate } from '../lib/format';
import { graphql } from '../gql';
import type { RegionsQuery } from '../gql/graphql';
import { currentLanguage } from '../i18n';

export const regionsQuery = graphql(`
  query Regions {
    regions {
      id
      code
      name
      nameEn
      municipalities {
        id
        name
        kind
        atvkCode
        validFrom
        validTo
      }
    }
  }
`);

type Region = RegionsQuery['regions'][number];

export function RegionsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('regions.title'));
  const [{ data, fetching, error }, reexecute] = useQuery({ query: regionsQuery });

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('regions.title')}</Title>
        <Text mt="xs">{t('regions.intro')}</Text>
      </div>
      {fetching && !data && <Loading />}
      {error && !data && <QueryError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {data?.regions.map((region) => <RegionSection key={region.id} region={region} />)}
    </Stack>
  );
}

function RegionSection({ region }: { region: Region }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const regionName = language === 'en' ? region.nameEn : region.name;
  const headingId = `region-${region.code}`;
  // Municipality names are Latvian proper names: marked as such on an English page, so that
  // a screen reader pronounces them as Latvian (WCAG 3.1.2).
  const nameLang = language === 'lv' ? undefined : 'lv';

  return (
    <section aria-labelledby={headingId}>
      <Title order={2} id={headingId}>
        {regionName}
      </Title>
      <Text mb="sm">{t('regions.municipalityCount', { count: region.municipalities.length })}</Text>
      {region.municipalities.length === 0 ? (
        <Text>{t('regions.empty')}</Text>
      ) : (
        <TableScroll label={t('regions.tableCaption', { region: regionName })}>
          <Table striped withTableBorder>
            <Table.Caption className="visually-hidden">{t('regions.tableCaption', { region: regionName })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w="40%">
                  {t('regions.name')}
                </Table.Th>
                <Table.Th scope="col" w="20%">
                  {t('regions.kind')}
                </Table.Th>
                <Table.Th scope="col" w="15%">
                  {t('regions.atvkCode')}
                </Table.Th>
                <Table.Th scope="col">{t('regions.period')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {region.municipalities.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Th scope="row" fw={500} lang={nameLang}>
                    {m.name}
                  </Table.Th>
                  <Table.Td>{t(`municipalityKind.${m.kind}`)}</Table.Td>
                  <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{m.atvkCode}</Table.Td>
                  <Table.Td>
                    {m.validTo
                      ? t('regions.until', { date: formatDate(m.validTo) })
                      : t('regions.since', { date: formatDate(m.validFrom) })}
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
