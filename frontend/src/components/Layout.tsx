// The app shell: skip link, header with the product name, navigation and language switch,
// the main landmark with the current page, and a footer. On a small screen (48em or less) the
// navigation is folded behind a menu button, so that it does not fill the phone's screen.
import { Button, Container } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { useSessionEndedRedirect } from '../auth/guards';
import { recordsOffline, useSession, worksIn, type Me } from '../auth/session';
import { LanguageSwitch } from './LanguageSwitch';
import classes from './Layout.module.css';
import { UserMenu } from './UserMenu';

type NavKey =
  | 'nav.home'
  | 'nav.children'
  | 'nav.projects'
  | 'nav.verify'
  | 'nav.claims'
  | 'nav.statistics'
  | 'nav.regions'
  | 'nav.services'
  | 'nav.graphiql'
  | 'nav.profile'
  | 'nav.users'
  | 'nav.mySessions';

/**
 * The navigation of a user: the public pages for everyone, the others for who may use them.
 * Without a connection, the last user's offline sessions are offered too (offlineUser).
 */
function navItems(me: Me | null, offlineUser: Me | null): { to: string; key: NavKey; end: boolean }[] {
  return [
    { to: '/', key: 'nav.home', end: true },
    ...(recordsOffline(me ?? offlineUser) ? [{ to: '/my-sessions', key: 'nav.mySessions' as const, end: false }] : []),
    ...(worksIn(me, 'cases')
      ? [
          { to: '/children', key: 'nav.children' as const, end: false },
          { to: '/projects', key: 'nav.projects' as const, end: false },
        ]
      : []),
    ...(worksIn(me, 'verifyDeliveries') ? [{ to: '/deliveries/verify', key: 'nav.verify' as const, end: false }] : []),
    ...(worksIn(me, 'claims') ? [{ to: '/claims', key: 'nav.claims' as const, end: false }] : []),
    ...(worksIn(me, 'statistics') ? [{ to: '/statistics', key: 'nav.statistics' as const, end: false }] : []),
    { to: '/regions', key: 'nav.regions', end: false },
    { to: '/services', key: 'nav.services', end: false },
    { to: '/graphiql', key: 'nav.graphiql', end: false },
    ...(worksIn(me, 'users') ? [{ to: '/admin/users', key: 'nav.users' as const, end: false }] : []),
    ...(me ? [{ to: '/profile', key: 'nav.profile' as const, end: false }] : []),
  ];
}

export function Layout() {
  const { t } = useTranslation();
  const { me, offlineUser } = useSession();
  const mainRef = useRef<HTMLElement>(null);
  useFocusMainOnNavigation(mainRef);
  useSessionEndedRedirect();
  // Only a small screen shows the button; a wide one shows the navigation whatever this says.
  const [navOpen, setNavOpen] = useState(false);
  const { pathname } = useLocation();
  const toggleRef = useRef<HTMLButtonElement>(null);
  // A followed link closes the menu: the new page is what the user came for.
  useEffect(() => setNavOpen(false), [pathname]);

  return (
    <>
      <a
        href="#main"
        className={classes.skipLink}
        onClick={(event) => {
          // Focus the content without adding #main to the URL of a client-side route.
          event.preventDefault();
          mainRef.current?.focus();
        }}
      >
        {t('app.skipToContent')}
      </a>
      <header className={classes.header}>
        <Container size="xl" className={classes.headerInner}>
          <Link to="/" className={classes.brand}>
            {t('app.name')}
          </Link>
          <Button
            ref={toggleRef}
            variant="outline"
            className={classes.navToggle}
            aria-expanded={navOpen}
            aria-controls="main-navigation"
            onClick={() => setNavOpen((open) => !open)}
            leftSection={
              <span aria-hidden="true" className={classes.navToggleIcon}>
                {navOpen ? '✕' : '☰'}
              </span>
            }
          >
            {t('layout.menu')}
          </Button>
          <nav
            id="main-navigation"
            aria-label={t('app.mainNavigation')}
            className={classes.nav}
            data-open={navOpen}
            onKeyDown={(event) => {
              // Escape closes the open menu and returns to its button.
              if (event.key === 'Escape' && navOpen) {
                setNavOpen(false);
                toggleRef.current?.focus();
              }
            }}
          >
            <ul className={classes.navList}>
              {navItems(me, offlineUser).map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.end} className={classes.navLink}>
                    {t(item.key)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <div className={classes.language}>
            <LanguageSwitch />
          </div>
          <UserMenu />
        </Container>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className={classes.main}>
        <Container size="xl">
          <Outlet />
        </Container>
      </main>
      <footer className={classes.footer}>
        <Container size="xl">{t('app.footer')}</Container>
      </footer>
    </>
  );
}

/**
 * After a client-side navigation, moves focus to the main content, as a full page load
 * would reset it: otherwise a keyboard or screen reader user stays on the link they followed
 * and does not learn that the page changed. The first render keeps the browser's own focus.
 */
function useFocusMainOnNavigation(mainRef: React.RefObject<HTMLElement | null>) {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [pathname, mainRef]);
}
