import { Button, Checkbox, Group, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import type { ParentRelation } from '../../../gql/graphql';
import type { ChildData } from '../../../pages/cases/childQuery';
import { problemAt } from '../../../lib/caseErrors';
import { useCaseMutation } from '../../../lib/useCaseMutation';
import { useForm, type FieldErrors } from '../../../lib/useForm';
import { FormProblem } from '../../FormProblem';
import { FormFrame } from './FormFrame';
import { parentName } from './parentData';
import { linkParentMutation, parentSearchQuery } from './parentQueries';
import { RelationSelect } from './RelationSelect';
import { FormActions } from '../../FormActions';
import { useUnsavedChanges } from '../../../lib/useUnsavedChanges';

type LinkField = 'search' | 'parentId' | 'relation';

/** Links a parent registered already (a sibling's mother, say), found by a search. */
export function LinkParentForm({ child, onDone }: { child: ChildData; onDone: (saved?: boolean) => void }) {
  const { t } = useTranslation();
  const link = useCaseMutation(linkParentMutation);
  // The search asked for; the text in the box is only asked for on "search".
  const [search, setSearch] = useState('');
  const form = useForm<{ text: string; parentId: string; relation: string; legal: boolean }, LinkField>({
    initial: { text: '', parentId: '', relation: '', legal: true },
    validate: (v) => {
      const errors: FieldErrors<LinkField> = {};
      if (v.parentId === '') errors.parentId = 'parents.chooseParent';
      if (v.relation === '') errors.relation = 'child.errors.required';
      return errors;
    },
    serverError: problemAt(link.problem, t),
    focusOnOpen: true,
  });
  const v = form.values;

  const [{ data, fetching, error }] = useQuery({ query: parentSearchQuery, variables: { search }, pause: search === '' });
  const linked = new Set(child.parents.map((l) => l.parent.id));
  const found = data?.parents.edges.map((e) => e.node) ?? [];

  const find = () => {
    const q = v.text.trim();
    if (q.length < 2) {
      form.showErrors({ search: 'parents.searchTooShort' });
      return;
    }
    form.showErrors({});
    form.set('parentId', '');
    link.setProblem(null);
    setSearch(q);
  };

  const submit = async () => {
    const input = { childId: child.id, parentId: v.parentId, relation: v.relation as ParentRelation, legalRepresentative: v.legal };
    if (await link.run({ input })) onDone(true);
  };

  const parentIdError = form.error('parentId') !== undefined;
  const firstChoice = found.findIndex((p) => !linked.has(p.id));
  let results: ReactNode = null;
  if (search !== '') {
    if (fetching && !data) results = <Text role="status">{t('parents.searching')}</Text>;
    else if (error && !data) results = <Text role="alert" c="red.9">{t('parents.searchFailed')}</Text>;
    else if (found.length === 0) results = <Text role="status">{t('parents.noneFound', { search })}</Text>;
    else
      results = (
        <>
          <Text role="status" size="sm">
            {t('parents.found', { count: data?.parents.totalCount ?? found.length })}
          </Text>
          <Radio.Group
            id="link-parent-found"
            label={t('parents.foundParents')}
            required
            value={v.parentId}
            onChange={(id) => form.set('parentId', id)}
            error={form.error('parentId')}
          >
            <Stack gap="xs" mt="xs">
              {found.map((p, i) => {
                const already = linked.has(p.id);
                const details = [p.personalCode, p.phone, p.email].filter(Boolean).join(', ');
                return (
                  <Radio
                    key={p.id}
                    value={p.id}
                    disabled={already}
                    label={`${parentName(p)}${details ? ` (${details})` : ''}`}
                    description={already ? t('parents.alreadyLinked') : undefined}
                    // The error of the group is read with each choice, and focus lands on the
                    // first choice after a failed attempt (useForm).
                    aria-describedby={parentIdError ? 'link-parent-found-error' : undefined}
                    aria-invalid={parentIdError && i === firstChoice ? true : undefined}
                  />
                );
              })}
            </Stack>
          </Radio.Group>
        </>
      );
  }

  const unsaved = useUnsavedChanges(form.dirty);
  return (
    <FormFrame title={t('parents.linkTitle')} id="link-parent-title" formRef={form.formRef} onSubmit={form.handleSubmit(unsaved.whileSaving(submit))}>
      <Text size="sm">{t('parents.linkIntro')}</Text>
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t('parents.search')}
          description={t('parents.searchHint')}
          autoComplete="off"
          value={v.text}
          onChange={(e) => form.set('text', e.currentTarget.value)}
          onKeyDown={(e) => {
            // Enter in the search box searches instead of linking.
            if (e.key === 'Enter') {
              e.preventDefault();
              find();
            }
          }}
          error={form.error('search')}
          style={{ flex: '1 1 16rem' }}
        />
        <Button variant="outline" onClick={find}>
          {t('parents.searchSubmit')}
        </Button>
      </Group>
      <div aria-live="polite">{results}</div>
      <FormProblem problem={link.problem} placed={(f) => (f === 'parentId' && found.length > 0) || f === 'relation'} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <RelationSelect value={v.relation} onChange={(value) => form.set('relation', value)} error={form.error('relation')} />
      </SimpleGrid>
      <Checkbox label={t('parents.legalRepresentative')} checked={v.legal} onChange={(e) => form.set('legal', e.currentTarget.checked)} />
      {unsaved.guard}
      <FormActions submitLabel={t('parents.linkSubmit')} busy={link.busy} onCancel={() => onDone()} />
    </FormFrame>
  );
}
