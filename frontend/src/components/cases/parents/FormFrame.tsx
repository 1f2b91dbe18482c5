import { Paper, Stack, Title } from '@mantine/core';
import type { FormEvent, ReactNode, RefObject } from 'react';

/** The frame of a parents' form below the table: a titled form that names itself by its title. */
export function FormFrame({
  title,
  id,
  formRef,
  onSubmit,
  children,
}: {
  title: string;
  id: string;
  formRef: RefObject<HTMLFormElement | null>;
  onSubmit: (e: FormEvent) => void;
  children: ReactNode;
}) {
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
