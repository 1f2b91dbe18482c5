import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChildData } from '../../../pages/cases/childQuery';
import { useCaseMutation } from '../../../lib/useCaseMutation';
import { FormProblem } from '../../FormProblem';
import { parentName, type Link } from './parentData';
import { unlinkParentMutation } from './parentQueries';

/** Asks before removing a parent's link to the child; the parent's record stays. */
export function UnlinkDialog({ child, link, onClose }: { child: ChildData; link: Link | null; onClose: (unlinked?: boolean) => void }) {
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
    if (done) onClose(true);
  };
  const name = shown ? parentName(shown.parent) : '';
  const childName = `${child.lastName ?? ''} ${child.firstName ?? ''}`.trim();

  return (
    <Modal opened={link !== null} onClose={() => onClose()} title={t('parents.unlinkTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="md">
        <Text>{t('parents.unlinkQuestion', { name, child: childName })}</Text>
        <Text size="sm">{t('parents.unlinkKeeps')}</Text>
        <FormProblem problem={unlink.problem} />
        <Group>
          <Button color="red.9" loading={unlink.busy} onClick={() => void confirm()}>
            {t('parents.unlinkConfirm')}
          </Button>
          <Button variant="default" onClick={() => onClose()} data-autofocus>
            {t('caseForm.cancel')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
