// A child's parents and legal representatives: registering one more, linking one registered
// already (a sibling's mother, say), removing a link (the parent's record stays) and changing a
// parent's names and contacts. Only a user who may edit the child's case gets these controls;
// the server decides every action by itself.
import { Button, Checkbox, Group, Modal, NativeSelect, Paper, Radio, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { ParentRelation } from '../../gql/graphql';
import type { ChildData } from '../../pages/cases/childQuery';
import { TableScroll } from '../TableScroll';
import { fieldMessageKey } from '../../lib/caseErrors';
import { parentRelations } from './enums';
import { FormProblem } from '../FormProblem';
import { personalCodeProblem, type PersonalCodeProblem } from './personalCode';
import { useCaseMutation } from '../../lib/useCaseMutation';
import { useFocusFirstInvalid } from '../../lib/useFocusFirstInvalid';

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

export const updateParentMutation = graphql(`
  mutation UpdateParent($input: UpdateParentInput!) {
    updateParent(input: $input) {
      parent {
        id
        personalCode
        firstName
        lastName
        phone
        email
        address
        version
      }
    }
  }
`);

export const linkParentMutation = graphql(`
  mutation LinkParent($input: LinkParentInput!) {
    linkParent(input: $input) {
      child {
        id
        version
      }
    }
  }
`);

export const unlinkParentMutation = graphql(`
  mutation UnlinkParent($input: UnlinkParentInput!) {
    unlinkParent(input: $input) {
      child {
        id
        version
      }
    }
  }
`);

export const parentSearchQuery = graphql(`
  query ParentSearch($search: String!) {
    parents(filter: { search: $search }, first: 20) {
      totalCount
      edges {
        node {
          id
          personalCode
          firstName
          lastName
          phone
          email
        }
      }
    }
  }
`);

type Link = ChildData['parents'][number];
type Parent = Link['parent'];

/** What the section shows besides the table: at most one form or dialog at a time. */
type Mode = { kind: 'add' } | { kind: 'link' } | { kind: 'edit'; parent: Parent } | null;

const parentName = (p: { firstName: string; lastName: string }) => `${p.lastName} ${p.firstName}`;

export function ParentsSection({ child, editable, reload }: { child: ChildData; editable: boolean; reload: () => void }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>(null);
  const [unlinking, setUnlinking] = useState<Link | null>(null);
  // Where focus goes back to when a form closes: the button that opened it, found by its
  // data-opener name (the header's buttons are hidden while a form is open, so re-created).
  const opener = useRef<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const sectionRef = useRef<HTMLElement>(null);

  const open = (next: Mode, from: string) => {
    opener.current = from;
    setMode(next);
  };
  const returnFocus = useRef(false);
  const close = () => {
    returnFocus.current = true;
    setMode(null);
  };
  // Once the form is gone (and the opener enabled again): focus back on the opener, or on the
  // heading when the opener is gone too.
  useEffect(() => {
    if (mode !== null || !returnFocus.current) return;
    returnFocus.current = false;
    const back = opener.current ? sectionRef.current?.querySelector<HTMLElement>(`[data-opener="${opener.current}"]`) : null;
    if (back && !back.hasAttribute('disabled')) back.focus();
    else headingRef.current?.focus();
  });

  return (
    <section aria-labelledby="child-parents" ref={sectionRef}>
      <Group justify="space-between" mb="sm">
        <Title order={2} id="child-parents" ref={headingRef} tabIndex={-1}>
          {t('parents.title')}
        </Title>
        {editable && mode === null && (
          <Group gap="sm">
            <Button variant="outline" data-opener="link" onClick={() => open({ kind: 'link' }, 'link')}>
              {t('parents.link')}
            </Button>
            <Button variant="outline" data-opener="add" onClick={() => open({ kind: 'add' }, 'add')}>
              {t('parents.add')}
            </Button>
          </Group>
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
                {editable && <Table.Th scope="col">{t('parents.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {child.parents.map((link) => (
                <Table.Tr key={link.parent.id}>
                  <Table.Th scope="row" fw={500}>
                    {parentName(link.parent)}
                  </Table.Th>
                  <Table.Td>{t(`relation.${link.relation}`)}</Table.Td>
                  <Table.Td>{link.legalRepresentative ? t('common.yes') : t('common.no')}</Table.Td>
                  <Table.Td>{link.parent.personalCode ?? '—'}</Table.Td>
                  <Table.Td>{[link.parent.phone, link.parent.email, link.parent.address].filter(Boolean).join(', ') || '—'}</Table.Td>
                  {editable && (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="outline"
                          disabled={mode !== null}
                          aria-label={t('parents.editFor', { name: parentName(link.parent) })}
                          data-opener={`edit-${link.parent.id}`}
                          onClick={() => open({ kind: 'edit', parent: link.parent }, `edit-${link.parent.id}`)}
                        >
                          {t('parents.edit')}
                        </Button>
                        <Button
                          size="xs"
                          variant="outline"
                          color="red.9"
                          disabled={mode !== null}
                          aria-label={t('parents.unlinkFor', { name: parentName(link.parent) })}
                          onClick={() => setUnlinking(link)}
                        >
                          {t('parents.unlink')}
                        </Button>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      {mode?.kind === 'add' && <AddParentForm childId={child.id} onDone={close} />}
      {mode?.kind === 'link' && <LinkParentForm child={child} onDone={close} />}
      {mode?.kind === 'edit' && (
        <EditParentForm
          key={mode.parent.id}
          parent={mode.parent}
          onDone={close}
          onReload={() => {
            opener.current = null; // the heading, while the newest version loads
            close();
            reload();
          }}
        />
      )}
      {editable && <UnlinkDialog child={child} link={unlinking} onClose={() => setUnlinking(null)} />}
    </section>
  );
}

/** Focuses the first input of a form when it opens, so that a keyboard user starts there. */
function useFocusOnOpen(formRef: React.RefObject<HTMLFormElement | null>) {
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, [formRef]);
}

function FormFrame({ title, id, formRef, onSubmit, children }: { title: string; id: string; formRef: React.RefObject<HTMLFormElement | null>; onSubmit: (e: FormEvent) => void; children: ReactNode }) {
  return (
    <Paper withBorder p="md" mt="md">
      <form ref={formRef} onSubmit={onSubmit} noValidate aria-labelledby={id}>
        <Stack gap="md">
          <Title order={3} id={id}>
            {title}
          </Title>
          {children}
        </Stack>
      </form>
    </Paper>
  );
}

const parentFields = ['relation', 'personalCode', 'firstName', 'lastName', 'phone', 'email', 'address'] as const;
type ParentField = (typeof parentFields)[number];
type DataField = Exclude<ParentField, 'relation'>;
type OwnError = 'child.errors.required' | `personalCodeProblem.${PersonalCodeProblem}`;

const optional = (s: string) => (s.trim() === '' ? null : s.trim());

/** Checks a parent's names and personal code as the server would, before sending. */
function checkParent(v: Record<DataField, string>): Partial<Record<DataField, OwnError>> {
  const errors: Partial<Record<DataField, OwnError>> = {};
  for (const f of ['firstName', 'lastName'] as const) if (v[f].trim() === '') errors[f] = 'child.errors.required';
  const problem = v.personalCode.trim() ? personalCodeProblem(v.personalCode) : null;
  if (problem) errors.personalCode = `personalCodeProblem.${problem}`;
  return errors;
}

function parentInput(v: Record<DataField, string>) {
  return {
    personalCode: optional(v.personalCode),
    firstName: v.firstName.trim(),
    lastName: v.lastName.trim(),
    phone: optional(v.phone),
    email: optional(v.email),
    address: optional(v.address),
  };
}

/** The inputs of a parent's data, with errors at each. */
function ParentDataInputs({
  values,
  onChange,
  errorAt,
  codeLabel,
}: {
  values: Record<DataField, string>;
  onChange: (f: DataField, value: string) => void;
  errorAt: (f: DataField) => string | undefined;
  codeLabel: string;
}) {
  const { t } = useTranslation();
  const text = (f: DataField, label: string, extra: { required?: boolean; type?: string; autoComplete?: string } = {}) => (
    <TextInput
      label={label}
      required={extra.required}
      type={extra.type}
      autoComplete={extra.autoComplete ?? 'off'}
      value={values[f]}
      onChange={(e) => onChange(f, e.currentTarget.value)}
      error={errorAt(f)}
    />
  );
  return (
    <>
      {text('personalCode', codeLabel)}
      {text('firstName', t('child.firstName'), { required: true })}
      {text('lastName', t('child.lastName'), { required: true })}
      {text('phone', t('parents.phone'), { type: 'tel' })}
      {text('email', t('parents.email'), { type: 'email' })}
      {text('address', t('parents.address'))}
    </>
  );
}

function RelationSelect({ value, onChange, error }: { value: string; onChange: (v: string) => void; error?: string }) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={t('parents.relation')}
      required
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={[{ value: '', label: t('caseForm.choose') }, ...parentRelations.map((r) => ({ value: r, label: t(`relation.${r}`) }))]}
      error={error}
    />
  );
}

function AddParentForm({ childId, onDone }: { childId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCaseMutation(createParentMutation);
  const [relation, setRelation] = useState('');
  const [v, setV] = useState<Record<DataField, string>>({ personalCode: '', firstName: '', lastName: '', phone: '', email: '', address: '' });
  const [legal, setLegal] = useState(true);
  const [own, setOwn] = useState<Partial<Record<ParentField, OwnError>>>({});
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, attempt + (create.problem ? 1 : 0));
  useFocusOnOpen(formRef);

  const errorAt = (f: ParentField) => {
    const e = own[f];
    if (e) return t(e);
    return create.problem?.field === f ? t(fieldMessageKey(f, create.problem.reason)) : undefined;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const errors: typeof own = checkParent(v);
    if (relation === '') errors.relation = 'child.errors.required';
    setOwn(errors);
    setAttempt((n) => n + 1);
    if (Object.keys(errors).length > 0) return;
    const done = await create.run({
      input: { childId, relation: relation as ParentRelation, legalRepresentative: legal, parent: parentInput(v) },
    });
    if (done) onDone();
  };

  return (
    <FormFrame title={t('parents.addTitle')} id="add-parent-title" formRef={formRef} onSubmit={(e) => void submit(e)}>
      <FormProblem problem={create.problem} placed={(f) => (parentFields as readonly string[]).includes(f)} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <RelationSelect value={relation} onChange={setRelation} error={errorAt('relation')} />
        <ParentDataInputs values={v} onChange={(f, value) => setV((old) => ({ ...old, [f]: value }))} errorAt={errorAt} codeLabel={t('parents.personalCodeOptional')} />
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
    </FormFrame>
  );
}

function EditParentForm({ parent, onDone, onReload }: { parent: Parent; onDone: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const update = useCaseMutation(updateParentMutation);
  // The form edits the version it was opened on: a save names it, so that a change someone
  // else saved meanwhile is answered with CONFLICT instead of being overwritten.
  const [base] = useState(parent);
  const [v, setV] = useState<Record<DataField, string>>({
    personalCode: base.personalCode ?? '',
    firstName: base.firstName,
    lastName: base.lastName,
    phone: base.phone ?? '',
    email: base.email ?? '',
    address: base.address ?? '',
  });
  const [own, setOwn] = useState<Partial<Record<DataField, OwnError>>>({});
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, attempt + (update.problem ? 1 : 0));
  useFocusOnOpen(formRef);
  const dataFields: readonly string[] = parentFields.filter((f) => f !== 'relation');

  const errorAt = (f: DataField) => {
    const e = own[f];
    if (e) return t(e);
    return update.problem?.field === f ? t(fieldMessageKey(f, update.problem.reason)) : undefined;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const errors = checkParent(v);
    setOwn(errors);
    setAttempt((n) => n + 1);
    if (Object.keys(errors).length > 0) return;
    const done = await update.run({ input: { id: base.id, version: base.version, parent: parentInput(v) } });
    if (done) onDone();
  };

  return (
    <FormFrame title={t('parents.editTitle', { name: parentName(base) })} id="edit-parent-title" formRef={formRef} onSubmit={(e) => void submit(e)}>
      <Text size="sm">{t('parents.editNote')}</Text>
      <FormProblem problem={update.problem} placed={(f) => dataFields.includes(f)} onReload={onReload} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <ParentDataInputs values={v} onChange={(f, value) => setV((old) => ({ ...old, [f]: value }))} errorAt={errorAt} codeLabel={t('parents.personalCodeOptional')} />
      </SimpleGrid>
      <Group>
        <Button type="submit" loading={update.busy}>
          {t('caseForm.save')}
        </Button>
        <Button variant="default" onClick={onDone}>
          {t('caseForm.cancel')}
        </Button>
      </Group>
    </FormFrame>
  );
}

function LinkParentForm({ child, onDone }: { child: ChildData; onDone: () => void }) {
  const { t } = useTranslation();
  const link = useCaseMutation(linkParentMutation);
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState('');
  const [relation, setRelation] = useState('');
  const [legal, setLegal] = useState(true);
  const [own, setOwn] = useState<Partial<Record<'search' | 'parentId' | 'relation', string>>>({});
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, attempt + (link.problem ? 1 : 0));
  useFocusOnOpen(formRef);

  const [{ data, fetching, error }] = useQuery({ query: parentSearchQuery, variables: { search }, pause: search === '' });
  const linked = new Set(child.parents.map((l) => l.parent.id));
  const found = data?.parents.edges.map((e) => e.node) ?? [];

  const errorAt = (f: 'search' | 'parentId' | 'relation') => {
    if (own[f]) return own[f];
    return link.problem?.field === f ? t(fieldMessageKey(f)) : undefined;
  };

  const find = () => {
    const q = text.trim();
    if (q.length < 2) {
      setOwn({ search: t('parents.searchTooShort') });
      setAttempt((n) => n + 1);
      return;
    }
    setOwn({});
    setChosen('');
    link.setProblem(null);
    setSearch(q);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const errors: typeof own = {};
    if (chosen === '') errors.parentId = t('parents.chooseParent');
    if (relation === '') errors.relation = t('child.errors.required');
    setOwn(errors);
    setAttempt((n) => n + 1);
    if (Object.keys(errors).length > 0) return;
    const done = await link.run({ input: { childId: child.id, parentId: chosen, relation: relation as ParentRelation, legalRepresentative: legal } });
    if (done) onDone();
  };

  const parentIdError = errorAt('parentId') !== undefined;
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
          <Radio.Group id="link-parent-found" label={t('parents.foundParents')} required value={chosen} onChange={setChosen} error={errorAt('parentId')}>
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
                    // first choice after a failed attempt (useFocusFirstInvalid).
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

  return (
    <FormFrame title={t('parents.linkTitle')} id="link-parent-title" formRef={formRef} onSubmit={(e) => void submit(e)}>
      <Text size="sm">{t('parents.linkIntro')}</Text>
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t('parents.search')}
          description={t('parents.searchHint')}
          autoComplete="off"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            // Enter in the search box searches instead of linking.
            if (e.key === 'Enter') {
              e.preventDefault();
              find();
            }
          }}
          error={errorAt('search')}
          style={{ flex: '1 1 16rem' }}
        />
        <Button variant="outline" onClick={find}>
          {t('parents.searchSubmit')}
        </Button>
      </Group>
      <div aria-live="polite">{results}</div>
      <FormProblem problem={link.problem} placed={(f) => (f === 'parentId' && found.length > 0) || f === 'relation'} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <RelationSelect value={relation} onChange={setRelation} error={errorAt('relation')} />
      </SimpleGrid>
      <Checkbox label={t('parents.legalRepresentative')} checked={legal} onChange={(e) => setLegal(e.currentTarget.checked)} />
      <Group>
        <Button type="submit" loading={link.busy}>
          {t('parents.linkSubmit')}
        </Button>
        <Button variant="default" onClick={onDone}>
          {t('caseForm.cancel')}
        </Button>
      </Group>
    </FormFrame>
  );
}

function UnlinkDialog({ child, link, onClose }: { child: ChildData; link: Link | null; onClose: () => void }) {
  const { t } = useTranslation();
  const unlink = useCaseMutation(unlinkParentMutation);
  // Kept while the dialog closes, so that its text does not vanish during the transition.
  const [shown, setShown] = useState<Link | null>(link);
  useEffect(() => {
    if (link) {
      setShown(link);
      unlink.setProblem(null);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [link]);

  const confirm = async () => {
    if (!shown) return;
    const done = await unlink.run({ input: { childId: child.id, parentId: shown.parent.id } });
    if (done) onClose();
  };
  const name = shown ? parentName(shown.parent) : '';
  const childName = `${child.lastName ?? ''} ${child.firstName ?? ''}`.trim();

  return (
    <Modal opened={link !== null} onClose={onClose} title={t('parents.unlinkTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="md">
        <Text>{t('parents.unlinkQuestion', { name, child: childName })}</Text>
        <Text size="sm">{t('parents.unlinkKeeps')}</Text>
        <FormProblem problem={unlink.problem} />
        <Group>
          <Button color="red.9" loading={unlink.busy} onClick={() => void confirm()}>
            {t('parents.unlinkConfirm')}
          </Button>
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('caseForm.cancel')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
