// How much of a planned quantity is used: a bar with a part per status (claimed, verified,
// recorded only), exposed as a meter with its figures in words. The bar is an addition to the
// figures next to it, never their only carrier: colours alone say nothing to a screen reader,
// in a printout, or to someone who does not tell them apart.
import { Progress } from '@mantine/core';

/** The shares of a planned whole, in percent of it (each 0-100). */
export interface UsageShares {
  claimed: number;
  verified: number;
  delivered: number;
}

/** `part` of `whole` in percent, rounded down (so 99.9 % never shows as 100 %), within 0-100. */
export function share(part: number, whole: number): number {
  if (!(whole > 0) || !(part > 0)) return 0;
  return Math.min(100, Math.floor((part * 100) / whole));
}

export const usageColors = { claimed: 'teal.9', verified: 'blue.9', recorded: 'blue.9' } as const;

export function UsageMeter({ label, valueText, shares }: { label: string; valueText: string; shares: UsageShares }) {
  const { claimed, verified, delivered } = shares;
  return (
    <Progress.Root
      size="lg"
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={delivered}
      aria-valuetext={valueText}
      style={{ minWidth: '8rem' }}
    >
      {/* Claimed within verified within delivered: each section is the part not in the next. */}
      <Progress.Section value={claimed} color={usageColors.claimed} withAria={false} />
      <Progress.Section value={Math.max(verified - claimed, 0)} color={usageColors.verified} withAria={false} />
      <Progress.Section value={Math.max(delivered - verified, 0)} color={usageColors.recorded} striped withAria={false} />
    </Progress.Root>
  );
}
