import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The new token's secret, shown this once, with a way to copy it. */
export function NewSecret({ name, secret }: { name: string; secret: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<boolean | null>(null);
  // The Clipboard API exists only in secure contexts (https or localhost); elsewhere the
  // field is selected on focus, for Ctrl+C.
  const canCopy = typeof navigator !== 'undefined' && !!navigator.clipboard;
  return (
    <Alert role="status" color="teal.9" variant="outline" title={t('tokens.createdTitle', { name })}>
      <Stack gap="sm">
        <Text>{t('tokens.copyHint')}</Text>
        <TextInput
          label={t('tokens.secret')}
          value={secret}
          readOnly
          onFocus={(e) => e.currentTarget.select()}
          styles={{ input: { fontFamily: 'monospace' } }}
        />
        {canCopy && (
          <Group gap="sm">
            <Button
              variant="outline"
              size="sm"
              onClick={() => {
                navigator.clipboard.writeText(secret).then(
                  () => setCopied(true),
                  () => setCopied(false),
                );
              }}
            >
              {t('tokens.copy')}
            </Button>
            {copied !== null && <Text size="sm">{copied ? t('tokens.copied') : t('tokens.copyFailed')}</Text>}
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
