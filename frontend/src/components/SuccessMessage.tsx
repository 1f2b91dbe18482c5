// What a step just did, said politely to screen readers (role="status") and shown in green.
// The live region is always there, empty until a message comes, so that the message is
// announced when it appears.
import { Text } from '@mantine/core';

export function SuccessMessage({ message }: { message: string | null }) {
  return (
    <div role="status">
      {message && (
        <Text c="teal.9" fw={500}>
          {message}
        </Text>
      )}
    </div>
  );
}
