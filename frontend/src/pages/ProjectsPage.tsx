// The DI projects, read-only: each with its number, lead region, period, budget and funding
// sources, partner municipalities, targets and the cap rules it has had over time. One section
// per project with its own heading (h2) and sub-headings (h3), and tables with captions, so
// that a screen reader user can move from project to project and part to part.
import { Button, List, Stack, Table, Text, Title } from '@mantine/core';
import { Suspense, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Facts } from '../components/cases/Facts';
import { Loading, QueryError } from '../components/QueryStatus';
import { TableScroll } from '../components/TableScroll';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { formatDate, formatMoney, formatPercent } from '../lib/format';
import { graphql } from '../gql';
import type { ProjectsPageQuery } from '../gql/graphql';
import { currentLanguage } from '../i18n';
import { FormSuccess } from '../components/FormAlert';
import { AmendmentHistory } from './projects/AmendmentHistory';
import { lazyNamed } from '../lib/lazyNamed';

// The form (with its multi-select and dialog) loads when first opened: most who read the
// projects never amend one, and the page stays within the first-load budget.
const AmendProjectForm = lazyNamed(() => import('./projects/AmendProjectForm'), 'AmendProjectForm');

export const projectsPageQuery = graphql(`
  query ProjectsPage {
    projects(first: 10) {
      totalCount
      edges {
        node {
          id
          code
          name
          leadRegion {
            id
            name
            nameEn
          }
          startDate
          endDate
          totalBudget
          fundingSources {
            code
            sharePercent
            amount
          }
          partnerMunicipalities {
            id
            name
          }
          targets {
            group
            count
          }
          capRules {
            kind
            validFrom
            limit
            minAge
            maxAge
          }
          amendments {
            number
            decidedOn
            enteredAt
            actor {
              id
              name
            }
            reason
            changes {
              field
              before
              after
            }
          }
          version
          viewerCan {
            manage
          }
        }
      }
    }
  }
`);

export type Project = ProjectsPageQuery['projects']['edges'][number]['node'];
type CapRule = Project['capRules'][number];

export function ProjectsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('projects.title'));
  const [{ data, fetching, error }, reexecute] = useQuery({ query: projectsPageQuery });
  const projects = data?.projects.edges.map((e) => e.node) ?? [];

  return (
    <Stack gap="xl">
      <div>
        <Title order={1}>{t('projects.title')}</Title>
        <Text mt="xs">{t('projects.intro')}</Text>
      </div>
      {fetching && !data && <Loading />}
      {error && !data && <QueryError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {data && (
        <>
          <Text>
            {projects.length < data.projects.totalCount
              ? t('projects.more', { shown: projects.length, total: data.projects.totalCount })
              : projects.length === 0
                ? t('projects.empty')
                : t('projects.count', { count: projects.length })}
          </Text>
          {projects.map((p) => (
            <ProjectSection key={p.id} project={p} reload={() => reexecute({ requestPolicy: 'network-only' })} />
          ))}
        </>
      )}
    </Stack>
  );
}

function ProjectSection({ project: p, reload }: { project: Project; reload: () => void }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  // Latvian names on an English page are marked as Latvian (WCAG 3.1.2).
  const lv = language === 'lv' ? undefined : 'lv';
  const id = `project-${p.id}`.replace(/[^A-Za-z0-9_-]/g, '');
  const money = (amount: string) => formatMoney(amount, language);
  const captionName = p.name;
  const [amending, setAmending] = useState(false);
  const [saved, setSaved] = useState<number | null>(null);

  return (
    <section aria-labelledby={id}>
      <Title order={2} id={id} mb="sm">
        <span lang={lv}>{p.name}</span>
      </Title>
      <Facts
        items={[
          { label: t('projects.code'), value: p.code },
          {
            label: t('projects.leadRegion'),
            value: language === 'en' ? p.leadRegion.nameEn : <span lang={lv}>{p.leadRegion.name}</span>,
          },
          { label: t('projects.period'), value: `${formatDate(p.startDate)} – ${formatDate(p.endDate)}` },
          { label: t('projects.totalBudget'), value: money(p.totalBudget) },
        ]}
      />

      <Title order={3} mt="lg" mb="xs">
        {t('projects.fundingTitle')}
      </Title>
      <TableScroll label={t('projects.fundingCaption', { name: captionName })}>
        <Table striped withTableBorder>
          <Table.Caption className="visually-hidden">{t('projects.fundingCaption', { name: captionName })}</Table.Caption>
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
            {p.fundingSources.map((f) => (
              <Table.Tr key={f.code}>
                <Table.Th scope="row" fw={500}>
                  {t(`fundingSource.${f.code}`)}
                </Table.Th>
                <Table.Td ta="right">{formatPercent(f.sharePercent, language)}</Table.Td>
                <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {money(f.amount)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row">{t('projects.total')}</Table.Th>
              <Table.Td ta="right">{formatPercent('100', language)}</Table.Td>
              <Table.Td ta="right" fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
                {money(p.totalBudget)}
              </Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </TableScroll>

      <Title order={3} mt="lg" mb="xs" id={`${id}-partners`}>
        {t('projects.partnersTitle')}
      </Title>
      {p.partnerMunicipalities.length === 0 ? (
        <Text>{t('projects.partnersEmpty')}</Text>
      ) : (
        <List aria-labelledby={`${id}-partners`} style={{ columns: '14rem' }} lang={lv}>
          {p.partnerMunicipalities.map((m) => (
            <List.Item key={m.id}>{m.name}</List.Item>
          ))}
        </List>
      )}

      <Title order={3} mt="lg" mb="xs">
        {t('projects.targetsTitle')}
      </Title>
      {p.targets.length === 0 ? (
        <Text>{t('projects.targetsEmpty')}</Text>
      ) : (
        <TableScroll label={t('projects.targetsCaption', { name: captionName })}>
          <Table striped withTableBorder>
            <Table.Caption className="visually-hidden">{t('projects.targetsCaption', { name: captionName })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('projects.targetGroup')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('projects.targetCount')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.targets.map((target) => (
                <Table.Tr key={target.group}>
                  <Table.Th scope="row" fw={500}>
                    {t(`targetGroup.${target.group}`)}
                  </Table.Th>
                  <Table.Td ta="right">{target.count}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}

      <Title order={3} mt="lg" mb="xs">
        {t('projects.capsTitle')}
      </Title>
      {p.capRules.length === 0 ? (
        <Text>{t('projects.capsEmpty')}</Text>
      ) : (
        <TableScroll label={t('projects.capsCaption', { name: captionName })}>
          <Table striped withTableBorder>
            <Table.Caption className="visually-hidden">{t('projects.capsCaption', { name: captionName })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('projects.capKind')}</Table.Th>
                <Table.Th scope="col">{t('projects.ageBand')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('projects.limit')}
                </Table.Th>
                <Table.Th scope="col">{t('projects.validFrom')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.capRules.map((rule, i) => (
                <Table.Tr key={`${rule.kind}-${rule.validFrom}-${rule.minAge ?? ''}-${i}`}>
                  <Table.Th scope="row" fw={500}>
                    {t(`capKind.${rule.kind}`)}
                  </Table.Th>
                  <Table.Td>{ageBand(rule, t)}</Table.Td>
                  <Table.Td ta="right">{rule.limit === null || rule.limit === undefined ? t('projects.noLimit') : rule.limit}</Table.Td>
                  <Table.Td>{formatDate(rule.validFrom)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}

      <AmendmentHistory project={p} headingId={`${id}-amendments`} />
      {saved !== null && (
        <Stack mt="md">
          <FormSuccess message={t('projectAdmin.saved', { number: saved })} />
        </Stack>
      )}
      {p.viewerCan.manage &&
        (amending ? (
          <Stack mt="md">
            <Suspense fallback={<Loading />}>
              <AmendProjectForm
                // A new version (after saving or reloading) starts the form from the project as it is.
                key={p.version}
                project={p}
                onSaved={(number) => {
                  setSaved(number);
                  setAmending(false);
                }}
                onCancel={() => setAmending(false)}
                onReload={reload}
              />
            </Suspense>
          </Stack>
        ) : (
          <Button
            mt="md"
            variant="outline"
            aria-label={t('projectAdmin.openFor', { name: p.name })}
            onClick={() => {
              setSaved(null);
              setAmending(true);
            }}
          >
            {t('projectAdmin.open')}
          </Button>
        ))}
    </section>
  );
}

function ageBand(rule: CapRule, t: TFunction): string {
  const min = rule.minAge ?? null;
  const max = rule.maxAge ?? null;
  if (min !== null && max !== null) return t('projects.ageRange', { min, max });
  if (min !== null) return t('projects.ageFrom', { min });
  if (max !== null) return t('projects.ageTo', { max });
  return '—';
}
