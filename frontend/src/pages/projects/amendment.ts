// A project's amendment as the form holds it (texts as typed), its checks before sending, and
// the input of amendProject with only what changed: a field left out stays as it is.
import type { FieldErrors } from '../../lib/useForm';
import type { AmendProjectInput, CapKind, FundingSourceCode, TargetGroup } from '../../gql/graphql';
import { formatDate } from '../../lib/format';
import { parseDateInput, todayInRiga } from '../../lib/dates';
import { moneyInputValue, parseMoneyInput, toCents } from '../../lib/money';
import type { Project } from '../ProjectsPage';

export const fundingCodes: readonly FundingSourceCode[] = ['ESF', 'STATE_BUDGET', 'MUNICIPAL_BUDGET'];
export const targetGroups: readonly TargetGroup[] = [
  'CHILDREN_ASSESSED',
  'CHILDREN_SERVED',
  'CHILDREN_IN_INSTITUTIONS_ASSESSED',
  'ADULTS_ASSESSED',
  'ADULTS_SERVED',
  'ADULTS_INDEPENDENT_LIVING',
];
export const capKinds: readonly CapKind[] = ['CHILD_SESSIONS', 'PARENT_SESSIONS', 'HOME_CARE_HOURS_PER_WEEK', 'RESPITE_DAYS_PER_YEAR'];

export interface AmendValues {
  name: string;
  startDate: string;
  endDate: string;
  totalBudget: string;
  /** Share in percent by source; empty: not a source. */
  shares: Record<FundingSourceCode, string>;
  partnerMunicipalityIds: string[];
  /** Count by target group; empty: no target. */
  targets: Record<TargetGroup, string>;
  addCap: boolean;
  capKind: CapKind | '';
  capValidFrom: string;
  capLimit: string;
  capMinAge: string;
  capMaxAge: string;
  reason: string;
  decidedOn: string;
}

/** The inputs an error can be shown at; the server's fields map onto them (serverFieldOf). */
export type AmendField =
  | 'name'
  | 'startDate'
  | 'endDate'
  | 'totalBudget'
  | 'fundingSources'
  | 'partnerMunicipalityIds'
  | 'targets'
  | 'capKind'
  | 'capValidFrom'
  | 'capLimit'
  | 'capAges'
  | 'reason'
  | 'decidedOn';

export const maxReason = 500;

/** "85.00" → "85", "86.50" → "86,5" in Latvian. */
function percentInput(percent: string, language: string): string {
  const [whole, fraction = ''] = percent.split('.');
  const f = fraction.replace(/0+$/, '');
  return f ? `${whole}${language === 'lv' ? ',' : '.'}${f}` : whole;
}

export function initialValues(p: Project, language: string): AmendValues {
  const shares = Object.fromEntries(fundingCodes.map((c) => [c, ''])) as Record<FundingSourceCode, string>;
  for (const f of p.fundingSources) shares[f.code] = percentInput(f.sharePercent, language);
  const targets = Object.fromEntries(targetGroups.map((g) => [g, ''])) as Record<TargetGroup, string>;
  for (const t of p.targets) targets[t.group] = String(t.count);
  return {
    name: p.name,
    startDate: formatDate(p.startDate),
    endDate: formatDate(p.endDate),
    totalBudget: moneyInputValue(p.totalBudget, language),
    shares,
    partnerMunicipalityIds: p.partnerMunicipalities.map((m) => m.id),
    targets,
    addCap: false,
    capKind: '',
    capValidFrom: '',
    capLimit: '',
    capMinAge: '',
    capMaxAge: '',
    reason: '',
    decidedOn: formatDate(todayInRiga()),
  };
}

/** A share as typed ("85", "86,5") as hundredths of a percent; null when it is no share. */
function shareHundredths(text: string): number | null {
  const m = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  const n = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return n > 0 && n <= 10000 ? n : null;
}
const hundredthsText = (n: number) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`;

const wholeNumber = (text: string): number | null => (/^\d{1,9}$/.test(text.trim()) ? Number(text.trim()) : null);

/** The checks before sending, by input; translation keys of projectAdmin.errors. */
export function validate(v: AmendValues, today = todayInRiga()): FieldErrors<AmendField> {
  const errors: FieldErrors<AmendField> = {};
  if (v.name.trim() === '') errors.name = 'projectAdmin.errors.required';
  const start = parseDateInput(v.startDate);
  const end = parseDateInput(v.endDate);
  if (!start) errors.startDate = 'dateInput.invalid';
  if (!end) errors.endDate = 'dateInput.invalid';
  else if (start && end < start) errors.endDate = 'projectAdmin.errors.endBeforeStart';
  if (parseMoneyInput(v.totalBudget) === null) errors.totalBudget = 'projectAdmin.errors.money';
  const given = fundingCodes.filter((c) => v.shares[c].trim() !== '');
  const shares = given.map((c) => shareHundredths(v.shares[c]));
  if (given.length === 0 || shares.some((s) => s === null)) errors.fundingSources = 'projectAdmin.errors.share';
  else if (shares.reduce<number>((a, s) => a + (s ?? 0), 0) !== 10000) errors.fundingSources = 'projectAdmin.errors.sharesSum';
  if (v.partnerMunicipalityIds.length === 0) errors.partnerMunicipalityIds = 'projectAdmin.errors.partners';
  if (targetGroups.some((g) => v.targets[g].trim() !== '' && wholeNumber(v.targets[g]) === null)) errors.targets = 'projectAdmin.errors.count';
  if (v.addCap) {
    if (v.capKind === '') errors.capKind = 'projectAdmin.errors.required';
    if (!parseDateInput(v.capValidFrom)) errors.capValidFrom = 'dateInput.invalid';
    if (v.capLimit.trim() !== '' && wholeNumber(v.capLimit) === null) errors.capLimit = 'projectAdmin.errors.count';
    const min = v.capMinAge.trim() === '' ? undefined : wholeNumber(v.capMinAge);
    const max = v.capMaxAge.trim() === '' ? undefined : wholeNumber(v.capMaxAge);
    if (min === null || max === null || (min !== undefined && max !== undefined && max < min) || (max ?? 0) > 120)
      errors.capAges = 'projectAdmin.errors.ages';
  }
  if (v.reason.trim() === '') errors.reason = 'projectAdmin.errors.reasonRequired';
  else if (v.reason.trim().length > maxReason) errors.reason = 'projectAdmin.errors.reasonLength';
  const decided = parseDateInput(v.decidedOn);
  if (!decided) errors.decidedOn = 'dateInput.invalid';
  else if (decided > today) errors.decidedOn = 'projectAdmin.errors.decidedInFuture';
  return errors;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/**
 * The amendment's input: the project's id and version, the reason and decision date, and only
 * the fields whose value differs from the project's (a list, whole, when any of it changed).
 * Call after validate found nothing.
 */
export function amendInput(p: Project, v: AmendValues): AmendProjectInput {
  const input: AmendProjectInput = {
    projectId: p.id,
    version: p.version,
    reason: v.reason.trim(),
    decidedOn: parseDateInput(v.decidedOn),
  };
  if (v.name.trim() !== p.name) input.name = v.name.trim();
  const start = parseDateInput(v.startDate);
  if (start && start !== p.startDate) input.startDate = start;
  const end = parseDateInput(v.endDate);
  if (end && end !== p.endDate) input.endDate = end;
  const budget = parseMoneyInput(v.totalBudget);
  if (budget && toCents(budget) !== toCents(p.totalBudget)) input.totalBudget = budget;

  const shares = fundingCodes
    .filter((c) => v.shares[c].trim() !== '')
    .map((code) => ({ code, sharePercent: hundredthsText(shareHundredths(v.shares[code]) ?? 0) }));
  const before = p.fundingSources.map((f) => `${f.code}:${shareHundredths(f.sharePercent.replace(/(\.\d{2})\d*$/, '$1'))}`);
  const after = shares.map((f) => `${f.code}:${shareHundredths(f.sharePercent)}`);
  if (!sameSet(before, after)) input.fundingSources = shares;

  if (!sameSet(p.partnerMunicipalities.map((m) => m.id), v.partnerMunicipalityIds)) input.partnerMunicipalityIds = v.partnerMunicipalityIds;

  const targets = targetGroups.filter((g) => v.targets[g].trim() !== '').map((group) => ({ group, count: Number(v.targets[group].trim()) }));
  if (!sameSet(p.targets.map((t) => `${t.group}:${t.count}`), targets.map((t) => `${t.group}:${t.count}`))) input.targets = targets;

  if (v.addCap && v.capKind !== '') {
    const opt = (text: string) => (text.trim() === '' ? null : Number(text.trim()));
    input.addCapRules = [
      { kind: v.capKind, validFrom: parseDateInput(v.capValidFrom) ?? '', limit: opt(v.capLimit), minAge: opt(v.capMinAge), maxAge: opt(v.capMaxAge) },
    ];
  }
  return input;
}

/** The fields the input changes (besides its reason and date), in the form's order. */
export const amendedFields = ['name', 'startDate', 'endDate', 'totalBudget', 'fundingSources', 'partnerMunicipalityIds', 'targets', 'addCapRules'] as const;
export type AmendedField = (typeof amendedFields)[number];

export function changedFields(input: AmendProjectInput): AmendedField[] {
  return amendedFields.filter((f) => input[f] !== undefined && input[f] !== null);
}

/** The input where the form shows an error the server names (e.g. "targets.1.count" → targets). */
export function serverFieldOf(field: string | null): AmendField | null {
  if (!field) return null;
  const f = field.replace(/^input\./, '');
  const head = f.split('.')[0];
  switch (head) {
    case 'name':
    case 'startDate':
    case 'endDate':
    case 'totalBudget':
    case 'fundingSources':
    case 'partnerMunicipalityIds':
    case 'targets':
    case 'reason':
    case 'decidedOn':
      return head;
    case 'addCapRules': {
      const last = f.split('.').pop();
      if (last === 'kind') return 'capKind';
      if (last === 'validFrom') return 'capValidFrom';
      if (last === 'minAge' || last === 'maxAge') return 'capAges';
      return 'capLimit';
    }
    default:
      return null;
  }
}
