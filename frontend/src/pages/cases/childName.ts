// Apart from the children's list page, so that the pages that show a child's name do not load
// that page's chunk with it.
/** "Bērziņa Anna": last name first, as registers list people; an analyst sees no names. */
export function childName(c: { firstName?: string | null; lastName?: string | null }, pseudonymous: string): string {
  if (!c.firstName && !c.lastName) return pseudonymous;
  return [c.lastName, c.firstName].filter(Boolean).join(' ');
}
