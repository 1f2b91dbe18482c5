// Where a page lies in the app: a trail of links from the list down to the current page, which
// is the last item, marked aria-current="page" and not a link.
import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import classes from './Breadcrumbs.module.css';

export interface Crumb {
  label: string;
  /** The page's address; none for the current page. */
  to?: string;
}

export function Breadcrumbs({ items }: { items: Crumb[] }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('breadcrumbs.label')} className={classes.nav}>
      <ol className={classes.list}>
        {items.map((item, i) => {
          const last = i === items.length - 1;
          return (
            <li key={`${i}:${item.label}`} className={classes.item}>
              {last || !item.to ? (
                <span aria-current={last ? 'page' : undefined} className={classes.current}>
                  {item.label}
                </span>
              ) : (
                <Anchor component={Link} to={item.to}>
                  {item.label}
                </Anchor>
              )}
              {!last && (
                <span aria-hidden="true" className={classes.separator}>
                  ›
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
