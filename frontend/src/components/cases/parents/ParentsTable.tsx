import { Button, Group, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../TableScroll';
import { parentName, type Link } from './parentData';

/**
 * The child's parents, one row each; with `editable` each row offers to change the parent and
 * to remove the link, disabled while a form is open (`busy`).
 */
export function ParentsTable({
  links,
  editable,
  busy,
  onEdit,
  onUnlink,
}: {
  links: Link[];
  editable: boolean;
  busy: boolean;
  onEdit: (link: Link) => void;
  onUnlink: (link: Link) => void;
}) {
  const { t } = useTranslation();
  return (
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
          {links.map((link) => (
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
                      disabled={busy}
                      aria-label={t('parents.editFor', { name: parentName(link.parent) })}
                      data-opener={`edit-${link.parent.id}`}
                      onClick={() => onEdit(link)}
                    >
                      {t('parents.edit')}
                    </Button>
                    <Button
                      size="xs"
                      variant="outline"
                      color="red.9"
                      disabled={busy}
                      aria-label={t('parents.unlinkFor', { name: parentName(link.parent) })}
                      onClick={() => onUnlink(link)}
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
  );
}
