// The statistics page's filter and grouping, as a form: what is typed and chosen becomes the
// page's address when the form is sent ("Show"), so that a date half typed does not ask the
// server anything. A new address puts its values into the form, so that the browser's back and
// forward buttons bring back the values of that view.
import { Button, Fieldset, Group, MultiSelect, NativeSelect, SimpleGrid, Stack } from '@mantine/core';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import type { Recipient, ServiceCategory, StatisticsDimension } from '../../gql/graphql';
import { currentLanguage } from '../../i18n';
import { DateInput } from '../../lib/DateInput';
import { parseDateInput } from '../../lib/dates';
import { formatDate } from '../../lib/format';
import { useProjects, useServiceTypes } from '../../lib/referenceData';
import { useFocusFirstInvalid } from '../../lib/useFocusFirstInvalid';
import { statisticsRegionsQuery } from './statisticsQueries';
import { dimensions, maxGroupBy, recipients, serialiseView, serviceCategories, type StatisticsView } from './urlState';

interface Draft {
  from: string;
  to: string;
  groupBy: (StatisticsDimension | '')[];
  regionIds: string[];
  municipalityIds: string[];
  projectIds: string[];
  serviceTypeIds: string[];
  serviceCategories: ServiceCategory[];
  recipient: Recipient | '';
}

type Problems = Partial<Record<'from' | 'to' | `groupBy${number}`, string>>;

function draftOf(view: StatisticsView): Draft {
  return {
    ...view,
    from: formatDate(view.from),
    to: formatDate(view.to),
    groupBy: Array.from({ length: maxGroupBy }, (_, i) => view.groupBy[i] ?? ''),
    recipient: view.recipient ?? '',
  };
}

export function StatisticsFilters({ view, onApply, onReset }: { view: StatisticsView; onApply: (view: StatisticsView) => void; onReset: () => void }) {
  const { t, i18n } = useTranslation();
  const english = currentLanguage(i18n) === 'en';
  const [draft, setDraft] = useState(() => draftOf(view));
  const [problems, setProblems] = useState<Problems>({});
  // A new address (this form sent, or back and forward) brings its values into the form. The
  // form stays the same element, so that focus stays on the button that sent it.
  const address = serialiseView(view).toString();
  const [shown, setShown] = useState(address);
  if (shown !== address) {
    setShown(address);
    setDraft(draftOf(view));
    setProblems({});
  }
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, attempt);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const [{ data: regionData }] = useQuery({ query: statisticsRegionsQuery });
  const projects = useProjects();
  const serviceTypes = useServiceTypes();

  const regionOptions = useMemo(() => (regionData?.regions ?? []).map((r) => ({ value: r.id, label: english ? r.nameEn : r.name })), [regionData, english]);
  // Municipalities under their regions; those of the chosen regions only, when regions are chosen.
  const municipalityOptions = useMemo(
    () =>
      (regionData?.regions ?? [])
        .filter((r) => draft.regionIds.length === 0 || draft.regionIds.includes(r.id))
        .map((r) => ({
          group: english ? r.nameEn : r.name,
          items: r.municipalities.map((m) => ({ value: m.id, label: m.validTo ? `${m.name} (–${formatDate(m.validTo)})` : m.name })),
        })),
    [regionData, english, draft.regionIds],
  );
  const projectOptions = projects.map((p) => ({ value: p.id, label: `${p.name} (${p.code})` }));
  const serviceTypeOptions = serviceTypes.map((s) => ({ value: s.id, label: english ? s.nameEn : s.name }));
  const categoryOptions = serviceCategories.map((c) => ({ value: c, label: t(`serviceCategory.${c}`) }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Problems = {};
    const from = parseDateInput(draft.from);
    const to = parseDateInput(draft.to);
    if (!from) found.from = t('dateInput.invalid');
    if (!to) found.to = t('dateInput.invalid');
    if (from && to && from > to) found.to = t('statistics.periodOrder');
    if (from && to && Number(to.slice(0, 4)) - Number(from.slice(0, 4)) > 20) found.to = t('statistics.periodTooLong');
    const chosen: StatisticsDimension[] = [];
    draft.groupBy.forEach((d, i) => {
      if (!d) return;
      if (chosen.includes(d)) found[`groupBy${i}`] = t('statistics.groupByDuplicate');
      else if (chosen.length < i) found[`groupBy${i}`] = t('statistics.groupByGap');
      else chosen.push(d);
    });
    setProblems(found);
    if (Object.keys(found).length > 0 || !from || !to) {
      setAttempt((n) => n + 1);
      return;
    }
    onApply({
      from,
      to,
      groupBy: chosen,
      regionIds: draft.regionIds,
      // A municipality of a region no longer chosen is no longer offered, nor kept.
      municipalityIds: draft.municipalityIds.filter((id) => municipalityOptions.some((g) => g.items.some((m) => m.value === id)) || !regionData),
      projectIds: draft.projectIds,
      serviceTypeIds: draft.serviceTypeIds,
      serviceCategories: draft.serviceCategories,
      recipient: draft.recipient || null,
    });
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby="statistics-filters-title">
      <Fieldset legend={<span id="statistics-filters-title">{t('statistics.filtersTitle')}</span>}>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            <DateInput label={t('statistics.from')} value={draft.from} onChange={(v) => set('from', v)} error={problems.from} required />
            <DateInput label={t('statistics.to')} value={draft.to} onChange={(v) => set('to', v)} error={problems.to} required />
            <NativeSelect
              label={t('statistics.recipient')}
              value={draft.recipient}
              onChange={(e) => set('recipient', e.currentTarget.value as Recipient | '')}
              data={[{ value: '', label: t('statistics.recipientAny') }, ...recipients.map((r) => ({ value: r, label: t(`recipient.${r}`) }))]}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <MultiSelect
              label={t('statistics.regions')}
              description={t('statistics.anyHint')}
              searchable
              hidePickedOptions
              nothingFoundMessage={t('statistics.nothingFound')}
              data={regionOptions}
              value={draft.regionIds}
              onChange={(ids) => set('regionIds', ids)}
            />
            <MultiSelect
              label={t('statistics.municipalities')}
              description={t('statistics.anyHint')}
              searchable
              hidePickedOptions
              nothingFoundMessage={t('statistics.nothingFound')}
              data={municipalityOptions}
              value={draft.municipalityIds}
              onChange={(ids) => set('municipalityIds', ids)}
            />
            <MultiSelect
              label={t('statistics.projects')}
              description={t('statistics.anyHint')}
              searchable
              hidePickedOptions
              nothingFoundMessage={t('statistics.nothingFound')}
              data={projectOptions}
              value={draft.projectIds}
              onChange={(ids) => set('projectIds', ids)}
            />
            <MultiSelect
              label={t('statistics.serviceTypes')}
              description={t('statistics.anyHint')}
              searchable
              hidePickedOptions
              nothingFoundMessage={t('statistics.nothingFound')}
              data={serviceTypeOptions}
              value={draft.serviceTypeIds}
              onChange={(ids) => set('serviceTypeIds', ids)}
            />
            <MultiSelect
              label={t('statistics.serviceCategories')}
              description={t('statistics.anyHint')}
              hidePickedOptions
              data={categoryOptions}
              value={draft.serviceCategories}
              onChange={(values) => set('serviceCategories', values as ServiceCategory[])}
            />
          </SimpleGrid>
          <Fieldset legend={t('statistics.groupByLegend')} variant="unstyled">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              {draft.groupBy.map((d, i) => (
                <NativeSelect
                  key={i}
                  label={t('statistics.groupByN', { n: i + 1 })}
                  value={d}
                  error={problems[`groupBy${i}`]}
                  onChange={(e) => {
                    const value = e.currentTarget.value as StatisticsDimension | '';
                    setDraft((old) => ({ ...old, groupBy: old.groupBy.map((g, j) => (j === i ? value : g)) }));
                  }}
                  data={[{ value: '', label: t('statistics.groupByNone') }, ...dimensions.map((dim) => ({ value: dim, label: t(`statistics.dimension.${dim}`) }))]}
                />
              ))}
            </SimpleGrid>
          </Fieldset>
          <Group>
            <Button type="submit">{t('statistics.apply')}</Button>
            <Button variant="default" onClick={onReset}>
              {t('statistics.reset')}
            </Button>
          </Group>
        </Stack>
      </Fieldset>
    </form>
  );
}
