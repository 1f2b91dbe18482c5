// The case registry's routes, kept apart from routes.tsx so that the pages can grow without
// touching the app's route table.
import { useParams, type RouteObject } from 'react-router';
import { lazyNamed } from '../../lib/lazyNamed';

// Each page in a chunk of its own, loaded when its route is first opened (see ../../routes.tsx).
const ChildPage = lazyNamed(() => import('./ChildPage'), 'ChildPage');
const ChildrenPage = lazyNamed(() => import('./ChildrenPage'), 'ChildrenPage');
const PlanEditorPage = lazyNamed(() => import('./PlanEditorPage'), 'PlanEditorPage');
const RegisterChildPage = lazyNamed(() => import('./RegisterChildPage'), 'RegisterChildPage');

export const caseRoutes: RouteObject[] = [
  { path: 'children', element: <ChildrenPage /> },
  { path: 'children/new', element: <RegisterChildPage /> },
  // A page per record: a new id must give a fresh page, not the previous record's state.
  { path: 'children/:id', element: <ChildPageKeyed /> },
  { path: 'plans/:id', element: <PlanEditorPageKeyed /> },
];

function ChildPageKeyed() {
  const { id } = useParams();
  return <ChildPage key={id} />;
}
function PlanEditorPageKeyed() {
  const { id } = useParams();
  return <PlanEditorPage key={id} />;
}
