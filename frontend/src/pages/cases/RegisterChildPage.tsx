// Registering a child. Before saving, the registry is asked whom the child may already be
// (same personal code, or same birth date and a similar name): a second record of one child
// would split their case. The user sees the candidates and registers anyway only on purpose.
import { Alert, Anchor, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useClient, useMutation } from 'urql';
import { problemOf, type Problem } from '../../lib/caseErrors';
import { ChildForm, emptyChild, toChildInput, type ChildFormValues } from '../../components/cases/ChildForm';
import { useMunicipalities } from '../../lib/referenceData';
import { useMe } from '../../auth/session';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { formatDate } from '../../lib/format';
import { graphql } from '../../gql';
import type { PossibleDuplicateChildrenQuery } from '../../gql/graphql';
import { childName } from './childName';
import { passGuards } from '../../lib/useUnsavedChanges';

export const possibleDuplicatesQuery = graphql(`
  query PossibleDuplicateChildren($input: DuplicateCheckInput!) {
    possibleDuplicateChildren(input: $input) {
      id
      personalCode
      firstName
      lastName
      birthDate
      municipality {
        id
        name
      }
    }
  }
`);

export const createChildMutation = graphql(`
  mutation CreateChild($input: CreateChildInput!) {
    createChild(input: $input) {
      child {
        id
      }
    }
  }
`);

type Duplicate = PossibleDuplicateChildrenQuery['possibleDuplicateChildren'][number];

export function RegisterChildPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('children.registerTitle'));
  const navigate = useNavigate();
  const client = useClient();
  const viewer = useMe();
  const all = useMunicipalities();
  // A worker registers children of their own municipalities only: a display choice that spares
  // them a list of the whole country (the server decides again; it has no list of its own).
  const municipalities = viewer?.role === 'MUNICIPALITY_WORKER' ? viewer.municipalities : all;

  const [problem, setProblem] = useState<Problem | null>(null);
  const [checking, setChecking] = useState(false);
  // The candidates found for these values; registering the same values again goes ahead.
  const [duplicates, setDuplicates] = useState<{ values: ChildFormValues; found: Duplicate[] } | null>(null);
  const [created, createChild] = useMutation(createChildMutation);

  const create = async (values: ChildFormValues) => {
    setProblem(null);
    const result = await createChild({ input: { child: toChildInput(values) } });
    if (result.error) setProblem(problemOf(result.error));
    else if (result.data) {
      passGuards();
      // The child's page says that the child was registered (state.registered).
      navigate(`/children/${encodeURIComponent(result.data.createChild.child.id)}`, { state: { registered: true } });
    }
  };

  const submit = async (values: ChildFormValues) => {
    setProblem(null);
    if (duplicates && JSON.stringify(duplicates.values) === JSON.stringify(values)) {
      await create(values);
      return;
    }
    setChecking(true);
    const input = toChildInput(values);
    const answer = await client
      .query(
        possibleDuplicatesQuery,
        { input: { personalCode: input.personalCode, birthDate: input.birthDate, firstName: input.firstName, lastName: input.lastName } },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    setChecking(false);
    if (answer.error) {
      setProblem(problemOf(answer.error));
      return;
    }
    const found = answer.data?.possibleDuplicateChildren ?? [];
    if (found.length > 0) {
      setDuplicates({ values, found });
      return;
    }
    await create(values);
  };

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/children">
          {t('children.backToList')}
        </Anchor>
        <Title order={1} mt="xs">
          {t('children.registerTitle')}
        </Title>
        <Text mt="xs" maw="48rem">
          {t('children.registerIntro')}
        </Text>
      </div>
      {duplicates && (
        <Alert role="alert" color="yellow.9" variant="outline" title={t('children.duplicatesTitle', { count: duplicates.found.length })}>
          <Text>{t('children.duplicatesText')}</Text>
          <List mt="sm">
            {duplicates.found.map((d) => (
              <List.Item key={d.id}>
                <Anchor component={Link} to={`/children/${encodeURIComponent(d.id)}`}>
                  {childName(d, t('child.pseudonymous'))}
                </Anchor>
                {', '}
                {[d.personalCode, d.birthDate ? formatDate(d.birthDate) : null, d.municipality.name].filter(Boolean).join(', ')}
              </List.Item>
            ))}
          </List>
          <Group mt="sm">
            <Button variant="outline" color="yellow.9" loading={created.fetching} onClick={() => void create(duplicates.values)}>
              {t('children.registerAnyway')}
            </Button>
          </Group>
        </Alert>
      )}
      <ChildForm
        initial={emptyChild}
        municipalities={municipalities}
        submitLabel={t('children.registerSubmit')}
        busy={checking || created.fetching}
        problem={problem}
        onSubmit={submit}
        onCancel={() => navigate('/children')}
      />
    </Stack>
  );
}
