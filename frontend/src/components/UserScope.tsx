// A user's scope in words: the planning region, the municipalities or the provider.
import { useTranslation } from 'react-i18next';
import type { Role } from '../gql/graphql';
import { currentLanguage } from '../i18n';

interface ScopedUser {
  role: Role;
  region?: { name: string; nameEn: string } | null;
  municipalities: { name: string }[];
  provider?: { name: string } | null;
}

export function UserScope({ user }: { user: ScopedUser }) {
  const { t, i18n } = useTranslation();
  const english = currentLanguage(i18n) === 'en';
  // Municipality and provider names are Latvian proper names (WCAG 3.1.2 on English pages).
  const lvLang = english ? 'lv' : undefined;
  if (user.region) return <>{english ? user.region.nameEn : user.region.name}</>;
  if (user.municipalities.length > 0) return <span lang={lvLang}>{user.municipalities.map((m) => m.name).join(', ')}</span>;
  if (user.provider) return <span lang={lvLang}>{user.provider.name}</span>;
  return <>{user.role === 'ADMIN' || user.role === 'MINISTRY_ANALYST' ? t('users.scopeNational') : '—'}</>;
}
