/** Plans that can have deliveries: those put into effect at some time. */
export function hasDeliveries(plan: { status: string }): boolean {
  return plan.status === 'ACTIVE' || plan.status === 'CLOSED';
}
