import { Checkbox, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ParentRelation } from '../../../gql/graphql';
import { fieldMessageKey, problemAt } from '../../../lib/caseErrors';
import { useCaseMutation } from '../../../lib/useCaseMutation';
import { useForm } from '../../../lib/useForm';
import { FormProblem } from '../../FormProblem';
import { FormFrame } from './FormFrame';
import { ParentDataInputs } from './ParentDataInputs';
import { checkParent, emptyParent, parentFields, parentInput, type ParentField } from './parentData';
import { createParentMutation } from './parentQueries';
import { RelationSelect } from './RelationSelect';
import { FormActions } from '../../FormActions';
import { useUnsavedChanges } from '../../../lib/useUnsavedChanges';

/** Registers a new parent of the child. */
export function AddParentForm({ childId, onDone }: { childId: string; onDone: (saved?: boolean) => void }) {
  const { t } = useTranslation();
  const create = useCaseMutation(createParentMutation);
  const form = useForm<typeof emptyParent & { relation: string; legal: boolean }, ParentField>({
    initial: { ...emptyParent, relation: '', legal: true },
    validate: (v) => ({ ...checkParent(v), ...(v.relation === '' ? { relation: 'child.errors.required' } : {}) }),
    serverError: problemAt(create.problem, t, fieldMessageKey),
    focusOnOpen: true,
  });
  const v = form.values;

  const submit = async (v: typeof form.values) => {
    const input = { childId, relation: v.relation as ParentRelation, legalRepresentative: v.legal, parent: parentInput(v) };
    if (await create.run({ input })) onDone(true);
  };

  const unsaved = useUnsavedChanges(form.dirty);
  return (
    <FormFrame title={t('parents.addTitle')} id="add-parent-title" formRef={form.formRef} onSubmit={form.handleSubmit(unsaved.whileSaving(submit))}>
      <FormProblem problem={create.problem} placed={(f) => (parentFields as readonly string[]).includes(f)} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <RelationSelect value={v.relation} onChange={(value) => form.set('relation', value)} error={form.error('relation')} />
        <ParentDataInputs values={v} onChange={form.set} errorAt={form.error} codeLabel={t('parents.personalCodeOptional')} />
      </SimpleGrid>
      <Checkbox label={t('parents.legalRepresentative')} checked={v.legal} onChange={(e) => form.set('legal', e.currentTarget.checked)} />
      {unsaved.guard}
      <FormActions submitLabel={t('parents.addSubmit')} busy={create.busy} onCancel={() => onDone()} />
    </FormFrame>
  );
}
