// Who is signed in, as far as the case pages need it: which buttons to offer. The server
// decides every action by itself; a button hidden here only spares the user a FORBIDDEN.
import { useMe, type Me } from '../../auth/session';

export type Viewer = Me;

export function useViewer(): Viewer | null {
  return useMe();
}

/** May the viewer change the case records of a child declared in this municipality? */
export function canEditCase(viewer: Viewer | null, municipalityId: string): boolean {
  if (!viewer) return false;
  return viewer.role === 'ADMIN' || (viewer.role === 'MUNICIPALITY_WORKER' && viewer.municipalities.some((m) => m.id === municipalityId));
}

/** May the viewer approve or return the plans of a project led by this region? */
export function canDecidePlan(viewer: Viewer | null, leadRegionId: string): boolean {
  if (!viewer) return false;
  return viewer.role === 'ADMIN' || (viewer.role === 'REGION_COORDINATOR' && viewer.region?.id === leadRegionId);
}

/** May the viewer approve, reject and mark paid the claims on a project led by this region? The same people as its plans. */
export function canDecideClaim(viewer: Viewer | null, leadRegionId: string): boolean {
  return canDecidePlan(viewer, leadRegionId);
}
