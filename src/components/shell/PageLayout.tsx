import { Group, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '../../hooks/shell/useDocumentTitle.ts';
import { elementTiming } from '../../lib/shared/elementTiming.ts';
import { memo, type ReactNode } from 'react';
import { PRODUCT_NAME } from './AppHeader.tsx';
import classes from './PageLayout.module.css';
import { useFocusOnArrival } from './useFocusOnArrival.ts';

interface PageLayoutProps {
  title: string;
  /** Beside the title, quiet: a count ("5,000 organizations"). Announced politely when it changes. */
  meta?: ReactNode;
  /** Between the title and the actions: a search box. */
  toolbar?: ReactNode;
  /** At the end of the header row: buttons such as "New organization". */
  actions?: ReactNode;
  /** Fill the window's height (a list that scrolls inside itself takes the rest). */
  fill?: boolean;
  /**
   * Marks the title for Element Timing under this name: the browser reports when it was painted
   * (`npm run bench` times opening an organization by it).
   */
  titleTiming?: string;
  children: ReactNode;
}

/**
 * A page's header row (title, count, search, actions) above its content. Arriving on the page by
 * a navigation moves the focus to its title, so a screen reader starts there and Tab goes on from
 * there rather than from the top of the document.
 */
export function PageLayout({ fill, children, ...header }: PageLayoutProps) {
  return (
    <div className={fill ? classes.fill : undefined}>
      <PageHeader {...header} />
      {fill ? <div className={classes.content}>{children}</div> : children}
    </div>
  );
}

/**
 * The header row. Memoized: a page renders again whenever its data changes (a list page on every
 * page of rows that arrives), and its header seldom does; a page that passes a toolbar or actions
 * keeps those elements stable (useMemo) to let it skip.
 */
const PageHeader = memo(function PageHeader({
  title,
  meta,
  toolbar,
  actions,
  titleTiming,
}: Omit<PageLayoutProps, 'fill' | 'children'>) {
  useDocumentTitle(`${title} · ${PRODUCT_NAME}`);
  const headingRef = useFocusOnArrival<HTMLHeadingElement>();
  return (
    <header className={classes.header}>
      <div className={classes.titles}>
        <Title
          ref={headingRef}
          order={1}
          size="h2"
          tabIndex={-1}
          className={classes.title}
          {...elementTiming(titleTiming)}
        >
          <bdi>{title}</bdi>
        </Title>
        {meta !== undefined && (
          <Text c="dimmed" size="sm" className={classes.meta} role="status">
            {meta}
          </Text>
        )}
      </div>
      {toolbar !== undefined && <div className={classes.toolbar}>{toolbar}</div>}
      {actions !== undefined && (
        <Group gap="xs" className={classes.actions}>
          {actions}
        </Group>
      )}
    </header>
  );
});
