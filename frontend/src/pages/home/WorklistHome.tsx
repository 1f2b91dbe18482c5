// "My work": what waits for the signed-in user, one section per kind of work their role does,
// each with its count, its first few entries (links to the page where the work is done) and a
// link to the whole list where the app has one. Everything comes in one query (`worklist`);
// the server decides which kinds a role has and counts within the user's scope.
import { Anchor, List, Stack, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { Loading, QueryError } from '../../components/QueryStatus';
import { graphql } from '../../gql';
import type { WorklistHomeQuery, WorklistKind } from '../../gql/graphql';
import { currentLanguage, type Language } from '../../i18n';
import { formatDate, formatMoney } from '../../lib/format';
import { childName } from '../cases/childName';

export const worklistQuery = graphql(`
  query WorklistHome {
    worklist {
      today
      items {
        kind
        count
        entries {
          due
          amount
          child {
            id
            firstName
            lastName
          }
          planRevision {
            id
            number
            plan {
              id
            }
          }
          application {
            id
          }
          assessment {
            id
          }
          claim {
            id
            periodFrom
            periodTo
            total
            municipality {
              id
              name
            }
          }
        }
      }
    }
  }
`);

type Item = WorklistHomeQuery['worklist']['items'][number];
export type WorklistEntry = Item['entries'][number];

const enc = encodeURIComponent;

/** Where an entry's work is done: the plan, the child's section, the claim, the verification queue. */
export function entryLink(kind: WorklistKind, e: WorklistEntry): string | null {
  switch (kind) {
    case 'PLANS_TO_APPROVE':
    case 'PLANS_RETURNED':
    case 'PLANS_TO_ACTIVATE':
    case 'PLANS_ENDING':
      if (e.planRevision) return `/plans/${enc(e.planRevision.plan.id)}`;
      break;
    case 'CLAIMS_TO_DECIDE':
    case 'CLAIMS_TO_PAY':
      if (e.claim) return `/claims/${enc(e.claim.id)}`;
      break;
    case 'DELIVERIES_TO_VERIFY':
      return '/deliveries/verify';
    case 'APPLICATIONS_TO_DECIDE':
      if (e.child) return `/children/${enc(e.child.id)}#applications`;
      break;
    case 'APPLICATIONS_AWAITING_ASSESSMENT':
    case 'ASSESSMENTS_TO_RECORD':
      if (e.child) return `/children/${enc(e.child.id)}#assessments`;
      break;
    case 'OPINIONS_EXPIRING':
      if (e.child) return `/children/${enc(e.child.id)}#data`;
      break;
    case 'CHILDREN_NEAR_CAP':
      if (e.child) return `/children/${enc(e.child.id)}#caps`;
      break;
  }
  return e.child ? `/children/${enc(e.child.id)}` : null;
}

/** The whole list of a kind, where the app has a page for it. */
const seeAllLinks: Partial<Record<WorklistKind, string>> = {
  PLANS_TO_APPROVE: '/children?planStatus=SUBMITTED',
  PLANS_TO_ACTIVATE: '/children?planStatus=APPROVED',
  DELIVERIES_TO_VERIFY: '/deliveries/verify',
  CLAIMS_TO_DECIDE: '/claims',
  CLAIMS_TO_PAY: '/claims',
};

export function WorklistHome() {
  const { t } = useTranslation();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: worklistQuery, requestPolicy: 'cache-and-network' });
  return (
    <Stack gap="lg" maw="60rem">
      <Title order={1}>{t('worklist.title')}</Title>
      {fetching && !data && <Loading />}
      {error && !data && <QueryError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {data &&
        (data.worklist.items.length === 0 ? (
          <Text>{t('worklist.nothingForRole')}</Text>
        ) : (
          <>
            <Text>{t('worklist.intro', { date: formatDate(data.worklist.today) })}</Text>
            {data.worklist.items.map((item) => (
              <WorklistSection key={item.kind} item={item} />
            ))}
          </>
        ))}
    </Stack>
  );
}

function WorklistSection({ item }: { item: Item }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const id = `worklist-${item.kind}`;
  const seeAll = seeAllLinks[item.kind];
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="xs">
        {t('worklist.heading', { title: t(`worklist.kind.${item.kind}`), count: item.count })}
      </Title>
      {item.count === 0 ? (
        <Text c="dimmed">{t('worklist.nothing')}</Text>
      ) : (
        <>
          <List spacing={4} aria-labelledby={id}>
            {item.entries.map((e, i) => (
              <List.Item key={entryKey(e, i)}>
                <EntryLine kind={item.kind} entry={e} language={language} t={t} />
              </List.Item>
            ))}
          </List>
          {item.count > item.entries.length && !seeAll && (
            <Text size="sm" mt={4}>
              {t('worklist.more', { count: item.count - item.entries.length })}
            </Text>
          )}
        </>
      )}
      {seeAll && item.count > 0 && (
        <Anchor component={Link} to={seeAll} size="sm" mt={4} display="inline-block">
          {t('worklist.seeAll', { title: t(`worklist.kind.${item.kind}`), count: item.count })}
        </Anchor>
      )}
    </section>
  );
}

function entryKey(e: WorklistEntry, i: number): string {
  return e.planRevision?.id ?? e.claim?.id ?? e.application?.id ?? e.assessment?.id ?? `${e.child?.id ?? ''}-${i}`;
}

/** The entry's name (the link) and what makes it urgent: its date, and a count where there is one. */
function EntryLine({ kind, entry: e, language, t }: { kind: WorklistKind; entry: WorklistEntry; language: Language; t: TFunction }) {
  const href = entryLink(kind, e);
  const name = entryName(e, language, t);
  const details = [
    e.due ? t(`worklist.due.${kind}`, { date: formatDate(e.due) }) : null,
    e.amount !== null && e.amount !== undefined ? amountText(kind, e.amount, t) : null,
  ].filter(Boolean);
  return (
    <>
      {href ? (
        <Anchor component={Link} to={href}>
          {name}
        </Anchor>
      ) : (
        name
      )}
      {details.length > 0 && <Text span>{` — ${details.join(', ')}`}</Text>}
    </>
  );
}

function entryName(e: WorklistEntry, language: Language, t: TFunction): string {
  if (e.claim) {
    const period = `${formatDate(e.claim.periodFrom)} – ${formatDate(e.claim.periodTo)}`;
    return t('worklist.claimName', { municipality: e.claim.municipality.name, period, total: formatMoney(e.claim.total, language) });
  }
  const child = e.child ? childName(e.child, t('child.pseudonymous')) : '';
  if (e.planRevision) return t('worklist.planName', { child, number: e.planRevision.number });
  return child;
}

function amountText(kind: WorklistKind, amount: number, t: TFunction): string {
  if (kind === 'DELIVERIES_TO_VERIFY') return t('worklist.deliveriesWaiting', { count: amount });
  if (kind === 'CHILDREN_NEAR_CAP') return t('worklist.capLeft', { left: t('unitCount.SESSION', { count: amount }) });
  return String(amount);
}
