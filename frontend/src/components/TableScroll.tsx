// A horizontal scroll box for a wide data table on a narrow screen. WCAG 1.4.10 allows a data
// table to scroll sideways; the rest of the page then still reflows to the screen's width.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import classes from './TableScroll.module.css';

/**
 * Wraps a table. While the table is wider than the box, the box is a focusable, named region,
 * so that keyboard users can scroll it with the arrow keys (WCAG 2.1.1); while it fits, it is
 * no tab stop at all.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollable, setScrollable] = useState(false);

  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const check = () => setScrollable(box.scrollWidth > box.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild); // the table's own width
    return () => observer.disconnect();
  }, []);

  return (
    <div
      ref={ref}
      className={classes.scroll}
      {...(scrollable ? { tabIndex: 0, role: 'region', 'aria-label': label } : {})}
    >
      {children}
    </div>
  );
}
