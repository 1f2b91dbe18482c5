// A long page's table of contents: links to its sections (#applications, #plans, ...), and the
// scroll to the section the address names once the page has its content, so that a deep link
// works on load as well as a click on the contents.
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import classes from './PageSections.module.css';

export interface PageSection {
  id: string;
  label: string;
}

/** The table of contents: a navigation landmark with one link per section. */
export function SectionNav({ sections }: { sections: PageSection[] }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('layout.onThisPage')} className={classes.toc}>
      <ul className={classes.list}>
        {sections.map((s) => (
          <li key={s.id}>
            <a href={`#${s.id}`} className={classes.link}>
              {s.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * A section's anchor: the target of a #id link, focusable by script so that a screen reader
 * continues reading there. Its content starts with the section's heading.
 */
export function SectionAnchor({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div id={id} tabIndex={-1} className={classes.anchor}>
      {children}
    </div>
  );
}

/** The element of an address's hash ("#plans"), if the page has one. */
function targetOf(hash: string): HTMLElement | null {
  if (hash.length < 2) return null;
  let id: string;
  try {
    id = decodeURIComponent(hash.slice(1));
  } catch {
    return null;
  }
  return document.getElementById(id);
}

/**
 * Scrolls to the section the address names and moves focus to it, each time the hash changes
 * (a click on the contents, a deep link, back). Render it after the content it may scroll to
 * (inside the last Suspense boundary), so that it runs once that content is there.
 */
export function ScrollToHash() {
  const { hash } = useLocation();
  useEffect(() => {
    const target = targetOf(hash);
    if (!target) return;
    target.scrollIntoView({ block: 'start' });
    // After the shell has moved focus to the main landmark on a new page.
    const frame = requestAnimationFrame(() => target.focus({ preventScroll: true }));
    // Parts that load their own data (a table at the end) still grow the page for a moment:
    // until they settle, or until the user scrolls themself, the section is kept in place.
    const started = Date.now();
    const observer = new ResizeObserver(() => {
      if (Date.now() - started > settleMs) return stop();
      target.scrollIntoView({ block: 'start' });
    });
    observer.observe(document.body);
    const stop = () => {
      observer.disconnect();
      for (const type of userScrolls) window.removeEventListener(type, stop);
    };
    for (const type of userScrolls) window.addEventListener(type, stop, { passive: true });
    const timer = setTimeout(stop, settleMs);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      stop();
    };
  }, [hash]);
  return null;
}

/** How long after a jump to a section the page may still grow under it. */
const settleMs = 3000;
/** What tells that the user scrolls on their own. */
const userScrolls = ['wheel', 'touchstart', 'keydown', 'mousedown'] as const;
