import { Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import { UserScope } from '../UserScope';
import type { Profile } from './tokenQueries';

/** Who the user is: name, email, role, scope and last sign-in. */
export function ProfileData({ me }: { me: Profile }) {
  const { t } = useTranslation();
  const rows: [string, ReactNode][] = [
    [t('profile.name'), me.name],
    [t('profile.email'), me.email],
    [t('profile.role'), t(`role.${me.role}`)],
    [t('profile.scope'), <UserScope user={me} />],
    [t('profile.lastSignIn'), me.lastSignInAt ? formatDateTime(me.lastSignInAt) : t('profile.never')],
  ];
  return (
    <section aria-labelledby="profile-data">
      <Title order={2} id="profile-data" mb="sm">
        {t('profile.dataTitle')}
      </Title>
      <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '0.25rem 1.5rem', margin: 0 }}>
        {rows.map(([label, value]) => (
          <div key={label} style={{ display: 'contents' }}>
            <dt style={{ fontWeight: 600 }}>{label}</dt>
            <dd style={{ margin: 0 }}>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
