// Amending a project as its agreement is amended: its name, period, budget, funding shares,
// partners and targets, and a cap rule added from a date on, with the reason and the day the
// amendment was agreed. Only what changed is sent; the server checks that what is recorded
// still fits. A confirmation comes first: the amendment stays in the project's history.
import { Button, Checkbox, Fieldset, Group, List, Modal, MultiSelect, NativeSelect, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/FormActions';
import { FormError } from '../../components/FormAlert';
import { FormProblem } from '../../components/FormProblem';
import { graphql } from '../../gql';
import type { AmendProjectInput } from '../../gql/graphql';
import { currentLanguage } from '../../i18n';
import { DateInput } from '../../lib/DateInput';
import { formatDate, formatMoney } from '../../lib/format';
import { useMunicipalities } from '../../lib/referenceData';
import { useCaseMutation } from '../../lib/useCaseMutation';
import { useForm } from '../../lib/useForm';
import type { Project } from '../ProjectsPage';
import {
  amendInput,
  capKinds,
  changedFields,
  fundingCodes,
  initialValues,
  maxReason,
  serverFieldOf,
  targetGroups,
  validate,
  type AmendField,
  type AmendValues,
} from './amendment';

export const amendProjectMutation = graphql(`
  mutation AmendProject($input: AmendProjectInput!) {
    amendProject(input: $input) {
      project {
        id
        version
        amendments {
          number
        }
      }
    }
  }
`);

const errorContrast = { '--mantine-color-error': 'var(--mantine-color-red-9)' } as CSSProperties;

export function AmendProjectForm({
  project,
  onSaved,
  onCancel,
  onReload,
}: {
  project: Project;
  /** After saving: the number of the amendment recorded. */
  onSaved: (number: number) => void;
  onCancel: () => void;
  /** Loads the project anew (after a CONFLICT). */
  onReload: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const municipalities = useMunicipalities();
  const amend = useCaseMutation(amendProjectMutation);
  const [confirming, setConfirming] = useState<AmendProjectInput | null>(null);
  const [unchanged, setUnchanged] = useState(false);
  const problemField = serverFieldOf(amend.problem?.code === 'BAD_USER_INPUT' ? (amend.problem.field ?? null) : null);
  const form = useForm<AmendValues, AmendField>({
    initial: () => initialValues(project, language),
    validate: (v) => validate(v),
    serverError: (f) => (problemField === f ? t(`projectAdmin.serverErrors.${f}`) : undefined),
    onAttempt: () => {
      amend.setProblem(null);
      setUnchanged(false);
    },
    focusOnOpen: true,
  });
  const { values: v, set, error } = form;
  const titleId = `amend-${project.id}`.replace(/[^A-Za-z0-9_-]/g, '');

  const onSubmit = form.handleSubmit((values) => {
    const input = amendInput(project, values);
    if (changedFields(input).length === 0) setUnchanged(true);
    else setConfirming(input);
  });

  const save = async () => {
    if (!confirming) return;
    const { data, problem } = await amend.attempt({ input: confirming });
    setConfirming(null);
    if (data) onSaved(data.amendProject.project.amendments[0]?.number ?? 0);
    // At the input the server names: focus moves there.
    else if (problem) form.showErrors({});
  };

  // The partners' choice: today's municipalities, and the project's partners whatever they are.
  const options = new Map(municipalities.map((m) => [m.id, m.name]));
  for (const m of project.partnerMunicipalities) if (!options.has(m.id)) options.set(m.id, m.name);
  const municipalityData = [...options].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, 'lv'));

  return (
    // Mantine's error colour (red 6, 3.3:1 on white) is too light for the messages and the
    // invalid inputs' text: red 9 has 7.3:1 (WCAG 1.4.3).
    <section aria-labelledby={titleId} style={errorContrast}>
      <Title order={3} id={titleId} mb="xs">
        {t('projectAdmin.formTitle')}
      </Title>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate aria-labelledby={titleId}>
        <Stack gap="md" maw="44rem">
          <Text size="sm">{t('projectAdmin.formIntro')}</Text>
          {unchanged && <FormError message={t('projectAdmin.errors.nothingChanged')} />}
          <FormProblem problem={amend.problem} placed={(f) => serverFieldOf(f) !== null} onReload={onReload} />
          <TextInput label={t('projectAdmin.name')} required value={v.name} name="name" onChange={(e) => set('name', e.currentTarget.value)} error={error('name')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateInput label={t('projectAdmin.startDate')} required value={v.startDate} name="startDate" onChange={(x) => set('startDate', x)} error={error('startDate')} />
            <DateInput label={t('projectAdmin.endDate')} required value={v.endDate} name="endDate" onChange={(x) => set('endDate', x)} error={error('endDate')} />
          </SimpleGrid>
          <TextInput
            label={t('projectAdmin.totalBudget')}
            required
            inputMode="decimal"
            value={v.totalBudget}
            name="totalBudget"
            onChange={(e) => set('totalBudget', e.currentTarget.value)}
            error={error('totalBudget')}
          />
          <Fieldset legend={t('projectAdmin.sharesLegend')}>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              {fundingCodes.map((code, i) => (
                <TextInput
                  key={code}
                  label={t(`fundingSource.${code}`)}
                  inputMode="decimal"
                  value={v.shares[code]}
                  onChange={(e) => set('shares', { ...v.shares, [code]: e.currentTarget.value })}
                  error={i === 0 ? error('fundingSources') : undefined}
                />
              ))}
            </SimpleGrid>
          </Fieldset>
          <MultiSelect
            label={t('projectAdmin.partners')}
            required
            searchable
            data={municipalityData}
            value={v.partnerMunicipalityIds}
            name="partnerMunicipalityIds"
            onChange={(ids) => set('partnerMunicipalityIds', ids)}
            error={error('partnerMunicipalityIds')}
            nothingFoundMessage={t('projectAdmin.noMunicipality')}
          />
          <Fieldset legend={t('projectAdmin.targetsLegend')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {targetGroups.map((group, i) => (
                <TextInput
                  key={group}
                  label={t(`targetGroup.${group}`)}
                  inputMode="numeric"
                  value={v.targets[group]}
                  onChange={(e) => set('targets', { ...v.targets, [group]: e.currentTarget.value })}
                  error={i === 0 ? error('targets') : undefined}
                />
              ))}
            </SimpleGrid>
          </Fieldset>
          <Checkbox label={t('projectAdmin.addCap')} checked={v.addCap} onChange={(e) => set('addCap', e.currentTarget.checked)} />
          {v.addCap && (
            <Fieldset legend={t('projectAdmin.capLegend')}>
              <Stack gap="sm">
                <NativeSelect
                  label={t('projectAdmin.capKind')}
                  required
                  value={v.capKind}
                  name="capKind"
                  onChange={(e) => set('capKind', e.currentTarget.value as AmendValues['capKind'])}
                  data={[{ value: '', label: t('projectAdmin.choose') }, ...capKinds.map((k) => ({ value: k, label: t(`capKind.${k}`) }))]}
                  error={error('capKind')}
                />
                <DateInput label={t('projectAdmin.capValidFrom')} required value={v.capValidFrom} name="capValidFrom" onChange={(x) => set('capValidFrom', x)} error={error('capValidFrom')} />
                <TextInput
                  label={t('projectAdmin.capLimit')}
                  description={t('projectAdmin.capLimitHint')}
                  inputMode="numeric"
                  value={v.capLimit}
                  name="capLimit"
                  onChange={(e) => set('capLimit', e.currentTarget.value)}
                  error={error('capLimit')}
                />
                <SimpleGrid cols={2}>
                  <TextInput
                    label={t('projectAdmin.capMinAge')}
                    inputMode="numeric"
                    value={v.capMinAge}
                    name="capMinAge"
                    onChange={(e) => set('capMinAge', e.currentTarget.value)}
                    error={error('capAges')}
                  />
                  <TextInput label={t('projectAdmin.capMaxAge')} inputMode="numeric" value={v.capMaxAge} name="capMaxAge" onChange={(e) => set('capMaxAge', e.currentTarget.value)} />
                </SimpleGrid>
              </Stack>
            </Fieldset>
          )}
          <Textarea
            label={t('projectAdmin.reason')}
            description={t('projectAdmin.reasonHint', { max: maxReason })}
            required
            rows={3}
            value={v.reason}
            name="reason"
            onChange={(e) => set('reason', e.currentTarget.value)}
            error={error('reason')}
          />
          <DateInput label={t('projectAdmin.decidedOn')} required value={v.decidedOn} name="decidedOn" onChange={(x) => set('decidedOn', x)} error={error('decidedOn')} />
          <FormActions submitLabel={t('projectAdmin.review')} busy={amend.busy} onCancel={onCancel} />
        </Stack>
      </form>
      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={t('projectAdmin.confirmTitle', { name: project.name })}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {confirming && (
          <Stack gap="md">
            <Text>{t('projectAdmin.confirmText')}</Text>
            <List>
              {changedFields(confirming).map((f) => (
                <List.Item key={f}>{changeSummary(f, confirming, project, language, t)}</List.Item>
              ))}
            </List>
            <Text>
              {t('projectAdmin.confirmReason', { reason: confirming.reason, date: confirming.decidedOn ? formatDate(confirming.decidedOn) : '' })}
            </Text>
            <Group gap="sm">
              <Button loading={amend.busy} onClick={() => void save()}>
                {t('projectAdmin.confirmSave')}
              </Button>
              <Button variant="outline" onClick={() => setConfirming(null)}>
                {t('projectAdmin.confirmBack')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </section>
  );
}

function changeSummary(
  f: ReturnType<typeof changedFields>[number],
  input: AmendProjectInput,
  p: Project,
  language: ReturnType<typeof currentLanguage>,
  t: TFunction,
): string {
  const label = t(`projectAdmin.field.${f}`);
  const change = (before: string, after: string) => t('projectAdmin.change', { field: label, before, after });
  switch (f) {
    case 'name':
      return change(p.name, input.name ?? '');
    case 'startDate':
      return change(formatDate(p.startDate), formatDate(input.startDate ?? ''));
    case 'endDate':
      return change(formatDate(p.endDate), formatDate(input.endDate ?? ''));
    case 'totalBudget':
      return change(formatMoney(p.totalBudget, language), formatMoney(input.totalBudget ?? '', language));
    default:
      return t('projectAdmin.changed', { field: label });
  }
}
