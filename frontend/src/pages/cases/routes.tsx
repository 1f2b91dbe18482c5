// The case registry's routes, kept apart from routes.tsx so that the pages can grow without
// touching the app's route table.
import { useParams, type RouteObject } from 'react-router';
import { ChildPage } from './ChildPage';
import { ChildrenPage } from './ChildrenPage';
import { PlanEditorPage } from './PlanEditorPage';
import { RegisterChildPage } from './RegisterChildPage';

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
