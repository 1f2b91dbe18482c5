// The client-side routes. The server answers every path that is not a file with index.html,
// so each of these can be opened directly by its URL.
//
// Every page but the tiny home and not-found pages is loaded on demand (lazyNamed): the first
// load stays within the budget that scripts/bundle-budget.mjs checks after every build.
import { lazy, Suspense } from 'react';
import { Outlet, type RouteObject } from 'react-router';
import { RequireAccess, RequireOfflineUser, RequireSignedIn } from './auth/guards';
import { Layout } from './components/Layout';
import { Loading } from './components/QueryStatus';
import { lazyNamed } from './lib/lazyNamed';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { RouteErrorPage } from './pages/RouteErrorPage';
import { caseRoutes } from './pages/cases/routes';
import { claimRoutes } from './pages/claims/routes';

const ProfilePage = lazyNamed(() => import('./pages/ProfilePage'), 'ProfilePage');
const ProjectsPage = lazyNamed(() => import('./pages/ProjectsPage'), 'ProjectsPage');
const RegionsPage = lazyNamed(() => import('./pages/RegionsPage'), 'RegionsPage');
const ServicesPage = lazyNamed(() => import('./pages/ServicesPage'), 'ServicesPage');
const SignInPage = lazyNamed(() => import('./pages/SignInPage'), 'SignInPage');
const UsersPage = lazyNamed(() => import('./pages/UsersPage'), 'UsersPage');
const MySessionsPage = lazyNamed(() => import('./pages/MySessionsPage'), 'MySessionsPage');
const StatisticsPage = lazyNamed(() => import('./pages/statistics/StatisticsPage'), 'StatisticsPage');
// GraphiQL with its editor is several times the size of the rest of the app.
const GraphiQLPage = lazy(() => import('./pages/GraphiQLPage'));

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      {
        // An error inside a page (a chunk that failed to load among them) replaces the page,
        // not the header and navigation.
        errorElement: <RouteErrorPage />,
        // One boundary for every lazily loaded page: while a page's chunk loads, the shell
        // stays and the main area says so (a polite status region).
        element: (
          <Suspense fallback={<Loading labelKey="status.loadingPage" />}>
            <Outlet />
          </Suspense>
        ),
        children: [
          { index: true, element: <HomePage /> },
          { path: 'regions', element: <RegionsPage /> },
          { path: 'services', element: <ServicesPage /> },
          { path: 'sign-in', element: <SignInPage /> },
          {
            // Works without a connection too, for the last user of the device (see the guard).
            element: <RequireOfflineUser />,
            children: [{ path: 'my-sessions', element: <MySessionsPage /> }],
          },
          {
            // Pages for signed-in users only; the reference pages above stay public.
            element: <RequireSignedIn />,
            children: [
              { path: 'profile', element: <ProfilePage /> },
              {
                element: <RequireAccess area="cases" />,
                children: [...caseRoutes, { path: 'projects', element: <ProjectsPage /> }],
              },
              ...claimRoutes,
              {
                element: <RequireAccess area="statistics" />,
                children: [{ path: 'statistics', element: <StatisticsPage /> }],
              },
              {
                element: <RequireAccess area="users" />,
                children: [{ path: 'admin/users', element: <UsersPage /> }],
              },
            ],
          },
          {
            path: 'graphiql',
            element: (
              <Suspense fallback={<Loading labelKey="graphiql.loading" />}>
                <GraphiQLPage />
              </Suspense>
            ),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
