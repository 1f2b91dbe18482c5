// A mutation with its problem kept for the form that sent it.
import { useState } from 'react';
import { useMutation, type AnyVariables, type DocumentInput } from 'urql';
import { problemOf, type Problem } from './caseErrors';

export function useCaseMutation<Data, Variables extends AnyVariables>(document: DocumentInput<Data, Variables>) {
  const [state, execute] = useMutation<Data, Variables>(document);
  const [problem, setProblem] = useState<Problem | null>(null);
  /** Sends the mutation; its data, or its problem (also kept in `problem`). */
  const attempt = async (variables: Variables): Promise<{ data: Data | null; problem: Problem | null }> => {
    setProblem(null);
    const result = await execute(variables);
    if (result.error) {
      const found = problemOf(result.error);
      setProblem(found);
      return { data: null, problem: found };
    }
    return { data: result.data ?? null, problem: null };
  };
  /** Sends the mutation; its data, or null with `problem` set. */
  const run = async (variables: Variables): Promise<Data | null> => (await attempt(variables)).data;
  return { run, attempt, problem, setProblem, busy: state.fetching };
}
