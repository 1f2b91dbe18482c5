// A child's parents and legal representatives: registering one more, linking one registered
// already (a sibling's mother, say), removing a link (the parent's record stays) and changing a
// parent's names and contacts. Only a user who may edit the child's case gets these controls;
// the server decides every action by itself.
import { Button, Group, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChildData } from '../../../pages/cases/childQuery';
import { lazyPreloaded, usePreload } from '../../../lib/lazyPreloaded';
import type { Link, Parent } from './parentData';
import { ParentsTable } from './ParentsTable';
import { UnlinkDialog } from './UnlinkDialog';
import { SuccessMessage } from '../../SuccessMessage';

// The forms load when one is opened: the child page's first load stays within its budget.
const AddParentForm = lazyPreloaded(() => import('./AddParentForm'), 'AddParentForm');
const EditParentForm = lazyPreloaded(() => import('./EditParentForm'), 'EditParentForm');
const LinkParentForm = lazyPreloaded(() => import('./LinkParentForm'), 'LinkParentForm');

/** What the section shows besides the table: at most one form or dialog at a time. */
type Mode = { kind: 'add' } | { kind: 'link' } | { kind: 'edit'; parent: Parent } | null;

export function ParentsSection({ child, editable, reload }: { child: ChildData; editable: boolean; reload: () => void }) {
  usePreload(AddParentForm, EditParentForm, LinkParentForm);
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>(null);
  const [unlinking, setUnlinking] = useState<Link | null>(null);
  // What the last form did, said until another opens.
  const [done, setDone] = useState<string | null>(null);
  // Where focus goes back to when a form closes: the button that opened it, found by its
  // data-opener name (the header's buttons are hidden while a form is open, so re-created).
  const opener = useRef<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const sectionRef = useRef<HTMLElement>(null);

  const open = (next: Mode, from: string) => {
    setDone(null);
    opener.current = from;
    setMode(next);
  };
  const returnFocus = useRef(false);
  const close = () => {
    returnFocus.current = true;
    setMode(null);
  };
  /** Closes a form; a saved one says what it did. */
  const closeSaying = (message: string) => (saved?: boolean) => {
    if (saved) setDone(message);
    close();
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
      <SuccessMessage message={done} />
      {child.parents.length === 0 ? (
        <Text>{t('parents.empty')}</Text>
      ) : (
        <ParentsTable
          links={child.parents}
          editable={editable}
          busy={mode !== null}
          onEdit={(link) => open({ kind: 'edit', parent: link.parent }, `edit-${link.parent.id}`)}
          onUnlink={setUnlinking}
        />
      )}
      {mode?.kind === 'add' && <AddParentForm childId={child.id} onDone={closeSaying(t('success.parentAdded'))} />}
      {mode?.kind === 'link' && <LinkParentForm child={child} onDone={closeSaying(t('success.parentLinked'))} />}
      {mode?.kind === 'edit' && (
        <EditParentForm
          key={mode.parent.id}
          parent={mode.parent}
          onDone={closeSaying(t('success.parentSaved'))}
          onReload={() => {
            opener.current = null; // the heading, while the newest version loads
            close();
            reload();
          }}
        />
      )}
      {editable && <UnlinkDialog
          child={child}
          link={unlinking}
          onClose={(unlinked) => {
            if (unlinked) setDone(t('success.parentUnlinked'));
            setUnlinking(null);
          }}
        />}
    </section>
  );
}
