// The colour of a status badge, the same for every kind of record that has a status.

/**
 * The colour of a status badge. Each has at least 4.5:1 on white and on a striped table row
 * for the badge's small bold text: green 9 (4.4:1) falls short, teal 9 (5.0:1) does not.
 */
export function statusColor(status: string): string {
  switch (status) {
    case 'ACCEPTED':
    case 'ACTIVE':
    case 'APPROVED':
    case 'COMPLETED':
      return 'teal.9';
    case 'REJECTED':
    case 'CANCELLED':
      return 'red.9';
    case 'SUBMITTED':
    case 'SCHEDULED':
      return 'blue.9';
    default:
      return 'gray.8';
  }
}
