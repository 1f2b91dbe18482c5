import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { CombinedError } from '@urql/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { errorMessageKey } from '../../graphql/errors';
import { FormError } from '../FormAlert';
import { revokeApiTokenMutation, type Token } from './tokenQueries';

/** Asks before revoking a token; a revoked token is refused from then on. */
export function RevokeTokenDialog({ token, onClose, onRevoked }: { token: Token | null; onClose: () => void; onRevoked: (name: string) => void }) {
  const { t } = useTranslation();
  const [{ fetching }, revoke] = useMutation(revokeApiTokenMutation);
  const [failure, setFailure] = useState<CombinedError | null>(null);
  const close = () => {
    setFailure(null);
    onClose();
  };
  return (
    <Modal
      opened={token !== null}
      onClose={close}
      title={t('tokens.revokeTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {token && (
        <Stack gap="md">
          {failure && <FormError message={t(errorMessageKey(failure))} />}
          <Text>{t('tokens.revokeText', { name: token.name })}</Text>
          <Group gap="sm">
            <Button
              color="red.9"
              loading={fetching}
              onClick={async () => {
                const result = await revoke({ input: { id: token.id } });
                if (result.error) setFailure(result.error);
                else {
                  setFailure(null);
                  onRevoked(token.name);
                }
              }}
            >
              {t('tokens.revokeConfirm')}
            </Button>
            <Button variant="outline" onClick={close}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
