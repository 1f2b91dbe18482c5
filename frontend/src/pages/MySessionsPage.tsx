// "Mani apmeklējumi" / "My sessions": the sessions of a specialist or municipal worker, usable
// without a connection. The children of the offline package (today's first: those with a plan
// in force today), each plan's lines with what remains of them and of the caps, and a quick
// form per line that puts an entry into the device's queue (IndexedDB). The queue goes to the
// server when the page opens online, when the connection returns and on "Sync now"; each
// entry's outcome stays in the list, in words, until the user dismisses it.
import { Badge, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession, type Me } from '../auth/session';
import { checkDeliveryInputs, UnitsInput } from '../components/deliveries/deliveryInputs';
import { Loading } from '../components/QueryStatus';
import { TableScroll } from '../components/TableScroll';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { currentLanguage, type Language } from '../i18n';
import type { TFunction } from 'i18next';
import { todayInRiga } from '../lib/dates';
import { DateInput, dateProblem } from '../lib/DateInput';
import { formatDate, formatDateTime, formatMoney } from '../lib/format';
import { outcomeText } from '../lib/offline/outcome';
import type { OfflineChild, OfflineLine, OfflinePlan, QueuedEntry } from '../lib/offline/types';
import { useOfflineSessions, type OfflineSessions } from '../lib/offline/useOfflineSessions';

export function MySessionsPage() {
  const { t } = useTranslation();
  const { me, offlineUser } = useSession();
  // RequireOfflineUser lets only a user in.
  const user = (me ?? offlineUser) as Me;
  useDocumentTitle(t('mySessions.title'));
  const sessions = useOfflineSessions(user.id);
  return (
    <Stack gap="lg">
      <Title order={1}>{t('mySessions.title')}</Title>
      <Text>{t('mySessions.intro')}</Text>
      <SyncPanel sessions={sessions} />
      {!sessions.ready ? (
        <Loading />
      ) : sessions.storageError ? (
        <Text role="alert" c="red.9">
          {t('mySessions.noStorage')}
        </Text>
      ) : (
        <>
          <EntryList sessions={sessions} />
          <ChildList sessions={sessions} />
        </>
      )}
    </Stack>
  );
}

/** The connection, the last sync, the count of unsent entries (announced) and "Sync now". */
function SyncPanel({ sessions }: { sessions: OfflineSessions }) {
  const { t } = useTranslation();
  const unsent = sessions.entries.filter((e) => e.status === 'queued').length;
  const report = sessions.lastReport;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="sync-title">
      <Stack gap="xs">
        <Title order={2} id="sync-title" size="h3">
          {t('mySessions.syncTitle')}
        </Title>
        <Group gap="sm">
          <Badge color={sessions.online ? 'teal.9' : 'gray.8'} variant="filled" radius="sm">
            {sessions.online ? t('mySessions.online') : t('mySessions.offline')}
          </Badge>
          <Text size="sm">
            {sessions.sync.syncedAt ? t('mySessions.syncedAt', { time: formatDateTime(sessions.sync.syncedAt) }) : t('mySessions.neverSynced')}
          </Text>
        </Group>
        <Text role="status" fw={600} data-testid="unsent">
          {t('mySessions.unsent', { count: unsent })}
        </Text>
        <div role="status">
          {sessions.syncing ? (
            <Text size="sm">{t('mySessions.syncing')}</Text>
          ) : report?.error ? (
            <Text size="sm" c="red.9">
              {report.error.kind === 'network'
                ? t('mySessions.syncNetwork')
                : t('mySessions.syncFailed', {
                    message:
                      report.error.code === 'UNAUTHENTICATED' || report.error.code === 'FORBIDDEN'
                        ? t(`caseErrors.form.${report.error.code}`)
                        : report.error.message,
                  })}
            </Text>
          ) : null}
        </div>
        <Group>
          <Button onClick={sessions.syncNow} loading={sessions.syncing} disabled={!sessions.online}>
            {t('mySessions.syncNow')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** The entries recorded on this device: waiting, or answered with their outcome. */
function EntryList({ sessions }: { sessions: OfflineSessions }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  if (sessions.entries.length === 0) return null;
  return (
    <section aria-labelledby="entries-title">
      <Title order={2} id="entries-title" mb="sm">
        {t('mySessions.entriesTitle')}
      </Title>
      <TableScroll label={t('mySessions.entriesTitle')}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('mySessions.date')}</Table.Th>
              <Table.Th scope="col">{t('mySessions.child')}</Table.Th>
              <Table.Th scope="col">{t('mySessions.service')}</Table.Th>
              <Table.Th scope="col">{t('mySessions.units')}</Table.Th>
              <Table.Th scope="col">{t('mySessions.outcomeTitle')}</Table.Th>
              <Table.Th scope="col">
                <span className="visually-hidden">{t('mySessions.actions')}</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sessions.entries.map((e) => (
              <EntryRow key={e.input.idempotencyKey} entry={e} language={language} t={t} onDismiss={sessions.dismiss} />
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </section>
  );
}

function EntryRow({ entry, language, t, onDismiss }: { entry: QueuedEntry; language: Language; t: TFunction; onDismiss: (key: string) => void }) {
  const service = `${language === 'en' ? entry.serviceNameEn : entry.serviceName} (${t(`recipient.${entry.recipient}`)})`;
  const colour = entry.status === 'REFUSED' ? 'red.9' : entry.status === 'queued' ? undefined : 'teal.9';
  return (
    <Table.Tr data-status={entry.status}>
      <Table.Td>{formatDate(entry.input.date)}</Table.Td>
      <Table.Td lang="lv">{entry.childName}</Table.Td>
      <Table.Td>{service}</Table.Td>
      <Table.Td>{t(`unitCount.${entry.unit}`, { count: entry.input.units })}</Table.Td>
      <Table.Td>
        <Text c={colour} fw={entry.status === 'REFUSED' ? 600 : undefined} size="sm">
          {outcomeText(entry, t, language)}
        </Text>
      </Table.Td>
      <Table.Td>
        {entry.status !== 'queued' && (
          <Button
            size="compact-sm"
            variant="outline"
            onClick={() => onDismiss(entry.input.idempotencyKey)}
            aria-label={t('mySessions.dismissEntry', { child: entry.childName, date: formatDate(entry.input.date) })}
          >
            {t('mySessions.dismiss')}
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** Whether a plan is in force on a day. */
function inForce(plan: OfflinePlan, day: string): boolean {
  return plan.validFrom <= day && day <= plan.validTo;
}

function childName(c: Pick<OfflineChild, 'firstName' | 'lastName'>): string {
  return `${c.lastName} ${c.firstName}`;
}

/** The children of the package: today's first, then the others, each by name. */
function ChildList({ sessions }: { sessions: OfflineSessions }) {
  const { t } = useTranslation();
  const today = sessions.sync.today ?? todayInRiga();
  const byName = (a: OfflineChild, b: OfflineChild) => childName(a).localeCompare(childName(b), 'lv');
  const todays = sessions.children.filter((c) => c.plans.some((p) => inForce(p, today))).sort(byName);
  const others = sessions.children.filter((c) => !c.plans.some((p) => inForce(p, today))).sort(byName);
  if (sessions.children.length === 0) {
    return <Text>{sessions.sync.cursor ? t('mySessions.noChildren') : t('mySessions.notLoaded')}</Text>;
  }
  return (
    <>
      <section aria-labelledby="today-title">
        <Title order={2} id="today-title" mb="sm">
          {t('mySessions.todayTitle', { count: todays.length })}
        </Title>
        {todays.length === 0 && <Text>{t('mySessions.noneToday')}</Text>}
        <Stack gap="md">
          {todays.map((c) => (
            <ChildCard key={c.id} child={c} today={today} sessions={sessions} />
          ))}
        </Stack>
      </section>
      {others.length > 0 && (
        <section aria-labelledby="others-title">
          <Title order={2} id="others-title" mb="sm">
            {t('mySessions.othersTitle', { count: others.length })}
          </Title>
          <Stack gap="md">
            {others.map((c) => (
              <ChildCard key={c.id} child={c} today={today} sessions={sessions} />
            ))}
          </Stack>
        </section>
      )}
    </>
  );
}

function ChildCard({ child, today, sessions }: { child: OfflineChild; today: string; sessions: OfflineSessions }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const titleId = `child-${child.id}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <div>
          <Title order={3} id={titleId} lang="lv">
            {childName(child)}
          </Title>
          <Text size="sm">
            {[child.birthDate ? t('mySessions.born', { date: formatDate(child.birthDate) }) : null, child.municipality.name].filter(Boolean).join(' · ')}
          </Text>
        </div>
        {child.caps.length > 0 && (
          <ul aria-label={t('mySessions.capsLabel')} style={{ margin: 0, paddingInlineStart: '1.2em' }}>
            {child.caps.map((c) => (
              <li key={`${c.project.id}-${c.kind}`}>
                <Text size="sm">
                  {c.limit === null || c.limit === undefined
                    ? t('mySessions.capUnlimited', { kind: t(`capKind.${c.kind}`), used: c.used })
                    : t('mySessions.capLine', { kind: t(`capKind.${c.kind}`), remaining: c.remaining ?? 0, limit: c.limit })}
                </Text>
              </li>
            ))}
          </ul>
        )}
        {child.plans.map((plan) => (
          <PlanLines key={plan.id} child={child} plan={plan} today={today} language={language} sessions={sessions} />
        ))}
      </Stack>
    </Paper>
  );
}

function lineName(line: OfflineLine, language: Language, t: TFunction): string {
  return `${language === 'en' ? line.serviceType.nameEn : line.serviceType.name} (${t(`recipient.${line.recipient}`)})`;
}

function PlanLines({ child, plan, today, language, sessions }: { child: OfflineChild; plan: OfflinePlan; today: string; language: Language; sessions: OfflineSessions }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  const caption = t('mySessions.planCaption', {
    project: plan.project.name,
    from: formatDate(plan.validFrom),
    to: formatDate(plan.validTo),
    budget: formatMoney(plan.budgetRemaining, language),
  });
  const line = plan.lines.find((l) => l.key === open);
  return (
    <Stack gap="xs">
      <TableScroll label={caption}>
        <Table>
          <caption style={{ textAlign: 'start', captionSide: 'top', fontWeight: 600 }}>{caption}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('mySessions.service')}</Table.Th>
              <Table.Th scope="col">{t('mySessions.remainingColumn')}</Table.Th>
              <Table.Th scope="col">{t('mySessions.price')}</Table.Th>
              <Table.Th scope="col">
                <span className="visually-hidden">{t('mySessions.actions')}</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {plan.lines.map((l) => {
              const name = lineName(l, language, t);
              return (
                <Table.Tr key={l.key}>
                  <Table.Td>
                    {name}
                    {l.provider && (
                      <Text size="sm" c="dimmed">
                        {l.provider.name}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {t('mySessions.remainingOf', {
                      remaining: t(`unitCount.${l.serviceType.unit}`, { count: l.remainingUnits }),
                      planned: l.plannedUnits,
                    })}
                  </Table.Td>
                  <Table.Td>{formatMoney(l.unitPrice, language)}</Table.Td>
                  <Table.Td>
                    {/* A line without a provider needs one named (the plan editor offers the list): not offline. */}
                    {!l.provider ? (
                      <Text size="sm">{t('mySessions.noProvider')}</Text>
                    ) : (
                      <Button
                        size="compact-sm"
                        variant={open === l.key ? 'filled' : 'outline'}
                        aria-expanded={open === l.key}
                        aria-controls={open === l.key ? `entry-${plan.id}-${l.key}` : undefined}
                        aria-label={t('mySessions.recordFor', { service: name, child: childName(child) })}
                        onClick={() => setOpen(open === l.key ? null : l.key)}
                      >
                        {t('mySessions.record')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </TableScroll>
      {line && (
        <EntryForm
          key={line.key}
          id={`entry-${plan.id}-${line.key}`}
          child={child}
          plan={plan}
          line={line}
          today={today}
          sessions={sessions}
          onClose={() => setOpen(null)}
        />
      )}
    </Stack>
  );
}

/** The day an entry starts with: today when the plan's period holds it, else its nearest day. */
function defaultDay(plan: OfflinePlan, today: string): string {
  if (today > plan.validTo) return plan.validTo;
  if (today < plan.validFrom) return plan.validFrom;
  return today;
}

function EntryForm({
  id,
  child,
  plan,
  line,
  today,
  sessions,
  onClose,
}: {
  id: string;
  child: OfflineChild;
  plan: OfflinePlan;
  line: OfflineLine;
  today: string;
  sessions: OfflineSessions;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const forParents = line.recipient === 'PARENTS';
  const [date, setDate] = useState(() => defaultDay(plan, today));
  const [units, setUnits] = useState<number | string>(1);
  const [parentId, setParentId] = useState(forParents && child.parents.length === 1 ? child.parents[0].id : '');
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const max = plan.validTo < today ? plan.validTo : today;

  const checked = checkDeliveryInputs({ date, units, parentId }, forParents);
  const errors: Partial<Record<'date' | 'units' | 'parentId', string>> = {};
  for (const [f, key] of Object.entries(checked.errors)) errors[f as 'date'] = t(key);
  const outside = checked.errors.date ? undefined : dateProblem(date, { min: plan.validFrom, max });
  if (outside) errors.date = typeof outside === 'string' ? t(outside) : t(outside[0], outside[1]);
  const shown = (f: 'date' | 'units' | 'parentId') => (tried ? errors[f] : undefined);
  const titleId = `${id}-title`;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setTried(true);
    setSaved(null);
    if (Object.keys(errors).length > 0 || !checked.date) return;
    setBusy(true);
    try {
      await sessions.record({
        input: {
          planId: plan.id,
          lineKey: line.key,
          date: checked.date,
          units: checked.units,
          parentId: forParents ? parentId : null,
          note: note.trim() || null,
        },
        childId: child.id,
        childName: childName(child),
        serviceName: line.serviceType.name,
        serviceNameEn: line.serviceType.nameEn,
        recipient: line.recipient,
        unit: line.serviceType.unit,
      });
      setSaved(
        t('mySessions.saved', {
          date: formatDate(checked.date),
          service: lineName(line, language, t),
          units: t(`unitCount.${line.serviceType.unit}`, { count: checked.units }),
        }),
      );
      setTried(false);
      setUnits(1);
      setNote('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" id={id} bg="gray.0">
      <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby={titleId}>
        <Stack gap="sm">
          <Title order={4} id={titleId}>
            {t('mySessions.formTitle', { service: lineName(line, language, t), child: childName(child) })}
          </Title>
          <div role="status">
            {saved && (
              <Text c="teal.9" fw={500}>
                {saved}
              </Text>
            )}
          </div>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <DateInput label={t('mySessions.date')} required value={date} min={plan.validFrom} max={max} onChange={setDate} error={shown('date')} />
            <UnitsInput unit={line.serviceType.unit} value={units} onChange={setUnits} error={shown('units')} />
            {forParents && (
              <NativeSelect
                label={t('deliveries.parent')}
                required
                value={parentId}
                onChange={(e) => setParentId(e.currentTarget.value)}
                data={[{ value: '', label: t('caseForm.choose') }, ...child.parents.map((p) => ({ value: p.id, label: `${p.lastName} ${p.firstName}` }))]}
                error={shown('parentId')}
              />
            )}
            <TextInput label={t('deliveries.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={busy}>
              {t('mySessions.save')}
            </Button>
            <Button variant="outline" onClick={onClose}>
              {t('mySessions.close')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
