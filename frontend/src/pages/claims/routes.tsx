// The routes of delivered sessions' verification and of compensation claims, each behind the
// roles that may use it.
import { useParams, type RouteObject } from 'react-router';
import { RequireAccess } from '../../auth/guards';
import { lazyNamed } from '../../lib/lazyNamed';

// Each page in a chunk of its own, loaded when its route is first opened (see ../../routes.tsx).
const VerifyDeliveriesPage = lazyNamed(() => import('../deliveries/VerifyDeliveriesPage'), 'VerifyDeliveriesPage');
const ClaimPage = lazyNamed(() => import('./ClaimPage'), 'ClaimPage');
const ClaimsPage = lazyNamed(() => import('./ClaimsPage'), 'ClaimsPage');
const NewClaimPage = lazyNamed(() => import('./NewClaimPage'), 'NewClaimPage');

export const claimRoutes: RouteObject[] = [
  {
    element: <RequireAccess area="verifyDeliveries" />,
    children: [{ path: 'deliveries/verify', element: <VerifyDeliveriesPage /> }],
  },
  {
    element: <RequireAccess area="claims" />,
    children: [
      { path: 'claims', element: <ClaimsPage /> },
      {
        element: <RequireAccess area="prepareClaims" />,
        children: [{ path: 'claims/new', element: <NewClaimPage /> }],
      },
      // A page per claim: another id must give a fresh page, not the previous claim's state.
      { path: 'claims/:id', element: <ClaimPageKeyed /> },
    ],
  },
];

function ClaimPageKeyed() {
  const { id } = useParams();
  return <ClaimPage key={id} />;
}
