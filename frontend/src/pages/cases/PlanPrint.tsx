// The support plan on paper: shown only in print (the screen's editor, navigation, buttons and
// forms are hidden there). The plan's header, the child, the project, the period, the goals, the
// service lines, the budget, and a block for the signatures of who prepared and who approved the
// plan and of the parent or legal representative.
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import { formatOptionalDate, formatPeriod, todayInRiga } from '../../lib/dates';
import { formatDate, formatMoney } from '../../lib/format';
import { childName } from './childName';
import classes from './PlanPrint.module.css';
import type { PlanData, RevisionData } from './planQuery';

/** The revision's PDF on the server, as the claims' exports: its global id in the address. */
export function planPdfHref(revision: { id: string }): string {
  return `/exports/plans/${encodeURIComponent(revision.id)}.pdf`;
}

/**
 * Whether the page is being printed: from the browser's beforeprint until its afterprint (the
 * print dialog, Ctrl+P), or while the print media applies (an emulated one, too). The printed
 * plan is rendered only then, so that the page on screen holds no second copy of its texts.
 */
export function usePrinting(): boolean {
  const [printing, setPrinting] = useState(() => typeof window.matchMedia === 'function' && window.matchMedia('print').matches);
  useEffect(() => {
    // Rendered at once: the browser lays the page out for paper right after beforeprint.
    const on = () => flushSync(() => setPrinting(true));
    const off = () => setPrinting(false);
    window.addEventListener('beforeprint', on);
    window.addEventListener('afterprint', off);
    const media = typeof window.matchMedia === 'function' ? window.matchMedia('print') : null;
    const change = (e: MediaQueryListEvent) => (e.matches ? on() : off());
    media?.addEventListener?.('change', change);
    return () => {
      window.removeEventListener('beforeprint', on);
      window.removeEventListener('afterprint', off);
      media?.removeEventListener?.('change', change);
    };
  }, []);
  return printing;
}

export function PlanPrint({ plan, revision: r }: { plan: PlanData; revision: RevisionData }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const name = childName(plan.child, t('child.pseudonymous'));
  const money = (amount: string) => formatMoney(amount, language);
  const signers = [t('print.preparedBy'), t('print.approvedBy'), t('print.parent')];

  return (
    <article hidden className={`print-only ${classes.sheet}`} data-testid="plan-print" aria-labelledby="plan-print-title">
      <header className={classes.header}>
        <h1 id="plan-print-title" className={classes.title}>
          {t('plan.title', { kind: t(`planKind.${plan.kind}`), name })}
        </h1>
        <p className={classes.subtitle}>
          {t('plan.revisionTitle', { number: r.number, status: t(`planStatus.${r.status}`) })}
          {' · '}
          {t('print.printedOn', { date: formatDate(todayInRiga()) })}
        </p>
      </header>

      <dl className={classes.facts}>
        <dt>{t('plan.child')}</dt>
        <dd>
          {name}
          {plan.child.personalCode ? `, ${plan.child.personalCode}` : ''}
        </dd>
        <dt>{t('child.municipality')}</dt>
        <dd lang="lv">{plan.child.municipality.name}</dd>
        <dt>{t('plan.project')}</dt>
        <dd lang="lv">{`${plan.project.name} (${plan.project.code})`}</dd>
        <dt>{t('plan.kind')}</dt>
        <dd>{t(`planKind.${plan.kind}`)}</dd>
        <dt>{t('plan.period')}</dt>
        <dd>{formatPeriod(r.validFrom, r.validTo)}</dd>
        <dt>{t('plan.budget')}</dt>
        <dd>{money(r.budget)}</dd>
      </dl>

      <h2 className={classes.heading}>{t('plan.goals')}</h2>
      {r.goals.length === 0 ? (
        <p>{t('plan.noGoals')}</p>
      ) : (
        <table className={classes.table}>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('plan.goalText')}</th>
              <th scope="col">{t('plan.goalIndicator')}</th>
              <th scope="col">{t('plan.goalTargetDate')}</th>
              <th scope="col">{t('plan.goalStatus')}</th>
            </tr>
          </thead>
          <tbody>
            {r.goals.map((g, i) => (
              <tr key={g.key}>
                <td>{i + 1}.</td>
                <td>{g.text}</td>
                <td>{g.indicator}</td>
                <td>{formatOptionalDate(g.targetDate)}</td>
                <td>{t(`goalStatus.${g.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2 className={classes.heading}>{t('plan.lines')}</h2>
      {r.lines.length === 0 ? (
        <p>{t('plan.noLines')}</p>
      ) : (
        <table className={classes.table}>
          <thead>
            <tr>
              <th scope="col">{t('plan.serviceType')}</th>
              <th scope="col">{t('plan.recipient')}</th>
              <th scope="col">{t('plan.provider')}</th>
              <th scope="col" className={classes.number}>
                {t('plan.plannedUnits')}
              </th>
              <th scope="col" className={classes.number}>
                {t('plan.unitPrice')}
              </th>
              <th scope="col" className={classes.number}>
                {t('plan.amount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {r.lines.map((l) => (
              <tr key={l.key}>
                <th scope="row">{language === 'en' ? l.serviceType.nameEn : l.serviceType.name}</th>
                <td>{t(`recipient.${l.recipient}`)}</td>
                <td>{l.provider?.name ?? '—'}</td>
                <td className={classes.number}>{l.plannedUnits}</td>
                <td className={classes.number}>{money(l.unitPrice)}</td>
                <td className={classes.number}>{money(l.amount)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={5}>
                {t('print.linesTotal')}
              </th>
              <td className={classes.number}>{money(r.linesTotal)}</td>
            </tr>
          </tfoot>
        </table>
      )}

      <h2 className={classes.heading}>{t('print.budgetTitle')}</h2>
      <dl className={classes.facts}>
        <dt>{t('plan.budget')}</dt>
        <dd>{money(r.budget)}</dd>
        <dt>{t('print.linesTotal')}</dt>
        <dd>{money(r.linesTotal)}</dd>
        <dt>{t('print.unplanned')}</dt>
        <dd>{money(r.budgetUnplanned)}</dd>
      </dl>

      <section className={classes.signatures} data-testid="plan-signatures" aria-labelledby="plan-signatures-title">
        <h2 id="plan-signatures-title" className={classes.heading}>
          {t('print.signatures')}
        </h2>
        <div className={classes.signers}>
          {signers.map((who) => (
            <div key={who} className={classes.signer}>
              <p className={classes.signerRole}>{who}</p>
              <p className={classes.line}>{t('print.nameLine')}</p>
              <p className={classes.line}>{t('print.signatureLine')}</p>
              <p className={classes.line}>{t('print.dateLine')}</p>
            </div>
          ))}
        </div>
      </section>
    </article>
  );
}
