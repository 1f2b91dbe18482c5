// A list of labelled facts (a <dl>), e.g. a child's data.
import { SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './Facts.module.css';

export function Facts({ items }: { items: { label: string; value: ReactNode }[] }) {
  return (
    <SimpleGrid component="dl" cols={{ base: 1, sm: 2, md: 3 }} spacing="sm" verticalSpacing="xs" className={classes.facts}>
      {items.map((item) => (
        <div key={item.label}>
          <Text component="dt" size="sm" c="dimmed">
            {item.label}
          </Text>
          <Text component="dd">{item.value}</Text>
        </div>
      ))}
    </SimpleGrid>
  );
}
