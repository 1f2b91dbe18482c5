import { SimpleGrid, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldMessageKey, problemAt } from '../../../lib/caseErrors';
import { useCaseMutation } from '../../../lib/useCaseMutation';
import { useForm } from '../../../lib/useForm';
import { FormProblem } from '../../FormProblem';
import { FormFrame } from './FormFrame';
import { ParentDataInputs } from './ParentDataInputs';
import { checkParent, parentFields, parentInput, parentName, type DataField, type Parent, type ParentValues } from './parentData';
import { updateParentMutation } from './parentQueries';
import { FormActions } from '../../FormActions';
import { useUnsavedChanges } from '../../../lib/useUnsavedChanges';

const dataFields: readonly string[] = parentFields.filter((f) => f !== 'relation');

/** Changes a parent's names and contacts (for every child the parent is linked to). */
export function EditParentForm({ parent, onDone, onReload }: { parent: Parent; onDone: (saved?: boolean) => void; onReload: () => void }) {
  const { t } = useTranslation();
  const update = useCaseMutation(updateParentMutation);
  // The form edits the version it was opened on: a save names it, so that a change someone
  // else saved meanwhile is answered with CONFLICT instead of being overwritten.
  const [base] = useState(parent);
  const form = useForm<ParentValues, DataField>({
    initial: {
      personalCode: base.personalCode ?? '',
      firstName: base.firstName,
      lastName: base.lastName,
      phone: base.phone ?? '',
      email: base.email ?? '',
      address: base.address ?? '',
    },
    validate: checkParent,
    serverError: problemAt(update.problem, t, fieldMessageKey),
    focusOnOpen: true,
  });

  const submit = async (v: ParentValues) => {
    if (await update.run({ input: { id: base.id, version: base.version, parent: parentInput(v) } })) onDone(true);
  };

  const unsaved = useUnsavedChanges(form.dirty);
  return (
    <FormFrame title={t('parents.editTitle', { name: parentName(base) })} id="edit-parent-title" formRef={form.formRef} onSubmit={form.handleSubmit(unsaved.whileSaving(submit))}>
      <Text size="sm">{t('parents.editNote')}</Text>
      <FormProblem problem={update.problem} placed={(f) => dataFields.includes(f)} onReload={onReload} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <ParentDataInputs values={form.values} onChange={form.set} errorAt={form.error} codeLabel={t('parents.personalCodeOptional')} />
      </SimpleGrid>
      {unsaved.guard}
      <FormActions submitLabel={t('caseForm.save')} busy={update.busy} onCancel={() => onDone()} />
    </FormFrame>
  );
}
