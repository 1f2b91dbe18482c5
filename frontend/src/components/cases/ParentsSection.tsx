// A child's parents and legal representatives, and registering one more.
import { Button, Checkbox, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { ParentRelation } from '../../gql/graphql';
import type { ChildData } from '../../pages/cases/childQuery';
import { TableScroll } from '../TableScroll';
import { fieldMessageKey } from './caseErrors';
import { parentRelations } from './enums';
import { FormProblem } from './FormProblem';
import { personalCodeProblem, type PersonalCodeProblem } from './personalCode';
import { useCaseMutation } from './useCaseMutation';
import { useFocusFirstInvalid } from './useFocusFirstInvalid';

export const createParentMutation = graphql(`
  mutation CreateParent($input: CreateParentInput!) {
    createParent(input: $input) {
      parent {
        id
      }
      child {
        id
        version
      }
    }
  }
`);

export function ParentsSection({ child, editable }: { child: ChildData; editable: boolean }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  return (
    <section aria-labelledby="child-parents">
      <Group justify="space-between" mb="sm">
        <Title order={2} id="child-parents">
          {t('parents.title')}
        </Title>
        {editable && !adding && (
          <Button variant="outline" onClick={() => setAdding(true)}>
            {t('parents.add')}
          </Button>
        )}
      </Group>
      {child.parents.length === 0 ? (
        <Text>{t('parents.empty')}</Text>
      ) : (
        <TableScroll label={t('parents.title')}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('parents.name')}</Table.Th>
                <Table.Th scope="col">{t('parents.relation')}</Table.Th>
                <Table.Th scope="col">{t('parents.legalRepresentative')}</Table.Th>
                <Table.Th scope="col">{t('parents.personalCode')}</Table.Th>
                <Table.Th scope="col">{t('parents.contacts')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {child.parents.map((link) => (
                <Table.Tr key={link.parent.id}>
                  <Table.Th scope="row" fw={500}>
                    {link.parent.lastName} {link.parent.firstName}
                  </Table.Th>
                  <Table.Td>{t(`relation.${link.relation}`)}</Table.Td>
                  <Table.Td>{link.legalRepresentative ? t('common.yes') : t('common.no')}</Table.Td>
                  <Table.Td>{link.parent.personalCode ?? '—'}</Table.Td>
                  <Table.Td>{[link.parent.phone, link.parent.email, link.parent.address].filter(Boolean).join(', ') || '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      {adding && <AddParentForm childId={child.id} onDone={() => setAdding(false)} />}
    </section>
  );
}

const parentFields = ['relation', 'personalCode', 'firstName', 'lastName', 'phone', 'email', 'address'] as const;
type ParentField = (typeof parentFields)[number];

function AddParentForm({ childId, onDone }: { childId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCaseMutation(createParentMutation);
  const [v, setV] = useState<Record<ParentField, string>>({
    relation: '',
    personalCode: '',
    firstName: '',
    lastName: '',
    phone: '',
    email: '',
    address: '',
  });
  const [legal, setLegal] = useState(true);
  const [own, setOwn] = useState<Partial<Record<ParentField, 'child.errors.required' | `personalCodeProblem.${PersonalCodeProblem}`>>>({});
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, attempt + (create.problem ? 1 : 0));

  const errorAt = (f: ParentField) => {
    const e = own[f];
    if (e) return t(e);
    return create.problem?.field === f ? t(fieldMessageKey(f)) : undefined;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const errors: typeof own = {};
    for (const f of ['relation', 'firstName', 'lastName'] as const) if (v[f].trim() === '') errors[f] = 'child.errors.required';
    const problem = v.personalCode.trim() ? personalCodeProblem(v.personalCode) : null;
    if (problem) errors.personalCode = `personalCodeProblem.${problem}`;
    setOwn(errors);
    setAttempt((n) => n + 1);
    if (Object.keys(errors).length > 0) return;
    const optional = (s: string) => (s.trim() === '' ? null : s.trim());
    const done = await create.run({
      input: {
        childId,
        relation: v.relation as ParentRelation,
        legalRepresentative: legal,
        parent: {
          personalCode: optional(v.personalCode),
          firstName: v.firstName.trim(),
          lastName: v.lastName.trim(),
          phone: optional(v.phone),
          email: optional(v.email),
          address: optional(v.address),
        },
      },
    });
    if (done) onDone();
  };

  const text = (f: Exclude<ParentField, 'relation'>, label: string, extra: { required?: boolean; type?: string } = {}) => (
    <TextInput
      label={label}
      required={extra.required}
      type={extra.type}
      value={v[f]}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setV((old) => ({ ...old, [f]: value }));
      }}
      error={errorAt(f)}
    />
  );

  return (
    <Paper withBorder p="md" mt="md">
      <form ref={formRef} onSubmit={(e) => void submit(e)} noValidate aria-labelledby="add-parent-title">
        <Stack gap="md">
          <Title order={3} id="add-parent-title">
            {t('parents.addTitle')}
          </Title>
          <FormProblem problem={create.problem} placed={(f) => (parentFields as readonly string[]).includes(f)} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NativeSelect
              label={t('parents.relation')}
              required
              value={v.relation}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setV((old) => ({ ...old, relation: value }));
              }}
              data={[{ value: '', label: t('caseForm.choose') }, ...parentRelations.map((r) => ({ value: r, label: t(`relation.${r}`) }))]}
              error={errorAt('relation')}
            />
            {text('personalCode', t('parents.personalCodeOptional'))}
            {text('firstName', t('child.firstName'), { required: true })}
            {text('lastName', t('child.lastName'), { required: true })}
            {text('phone', t('parents.phone'), { type: 'tel' })}
            {text('email', t('parents.email'), { type: 'email' })}
            {text('address', t('parents.address'))}
          </SimpleGrid>
          <Checkbox label={t('parents.legalRepresentative')} checked={legal} onChange={(e) => setLegal(e.currentTarget.checked)} />
          <Group>
            <Button type="submit" loading={create.busy}>
              {t('parents.addSubmit')}
            </Button>
            <Button variant="default" onClick={onDone}>
              {t('caseForm.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
