// The client-side routes. The server answers every path that is not a file with index.html,
// so each of these can be opened directly by its URL.
import { lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router';
import { RequireAccess, RequireSignedIn } from './auth/guards';
import { Layout } from './components/Layout';
import { Loading } from './components/QueryStatus';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { ProfilePage } from './pages/ProfilePage';
import { ProjectsPage } from './pages/ProjectsPage';
import { RegionsPage } from './pages/RegionsPage';
import { RouteErrorPage } from './pages/RouteErrorPage';
import { ServicesPage } from './pages/ServicesPage';
import { caseRoutes } from './pages/cases/routes';
import { claimRoutes } from './pages/claims/routes';
import { SignInPage } from './pages/SignInPage';
import { UsersPage } from './pages/UsersPage';

// GraphiQL with its editor is several times the size of the rest of the app: it is loaded
// only when someone opens it.
const GraphiQLPage = lazy(() => import('./pages/GraphiQLPage'));

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      {
        // An error inside a page replaces the page, not the header and navigation.
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'regions', element: <RegionsPage /> },
          { path: 'services', element: <ServicesPage /> },
          { path: 'sign-in', element: <SignInPage /> },
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
