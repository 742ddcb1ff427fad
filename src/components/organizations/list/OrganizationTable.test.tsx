// The table in jsdom: hostile API strings render as plain one-line text, and the keyboard moves
// a single highlighted, focused row.
import { act, screen, within } from '@testing-library/react';
import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import hostileStrings from '../../../../fixtures/hostile-strings.json' with { type: 'json' };
import type { Organization } from '../../../api/types.ts';
import { displayText } from '../../../lib/shared/displayText.ts';
import { listWindow, type ListPage } from '../../../lib/organizations/listPaging.ts';
import { renderWithProviders } from '../../../test/render.tsx';
import { OrganizationTable, type OrganizationTableProps } from './OrganizationTable.tsx';

const ROWS = 20;
const CREATED = '2025-06-01T10:00:00.000Z';

function hostileOrganization(value: string, index: number): Organization {
  return {
    id: `id/${index}?#%`,
    name: value,
    created: CREATED,
    updated: CREATED,
    email: value,
    website: value,
    industry: value,
    size: index * 1000,
    address: { location: value, country: value },
    variables: {},
  };
}

const organizations = (hostileStrings as string[]).slice(0, ROWS).map(hostileOrganization);
const page: ListPage = {
  param: { cursor: { kind: 'newest' }, startIndex: 0, noticesBefore: 0, previous: null },
  startIndex: 0,
  noticesBefore: 0,
  rows: organizations.map((organization) => ({ kind: 'organization', organization })),
  next: null,
};

// jsdom lays nothing out: give the scroll area a height so the virtualizer renders rows.
let restoreHeight: () => void;
beforeAll(() => {
  const original = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.getAttribute('role') === 'region' ? 2000 : 0;
    },
  });
  restoreHeight = () => {
    if (original) Object.defineProperty(HTMLElement.prototype, 'clientHeight', original);
  };
});
afterAll(() => restoreHeight());

/** Pages that neither load nor fail: what the tests here do not exercise. */
const QUIET_PAGES = {
  isFetchingNextPage: false,
  nextPageError: null,
  onLoadNext: () => {},
  hasPreviousPage: false,
  isFetchingPreviousPage: false,
  previousPageError: null,
  onLoadPrevious: () => {},
  onJump: () => false,
  onRestartFromTop: () => {},
} satisfies Partial<OrganizationTableProps>;

/** Where the app is: the row links navigate in the app, not by a page load. */
function CurrentPath() {
  return <p data-testid="current-path">{useLocation().pathname}</p>;
}

function renderTable(overrides: Partial<OrganizationTableProps> = {}) {
  const list = { ...listWindow([page]), knownEndIndex: ROWS };
  return renderWithProviders(
    <>
      <CurrentPath />
      <OrganizationTable
        list={list}
        hrefFor={(id) => `/chatbots/demo/organizations/${encodeURIComponent(id)}`}
        positionKey="test"
        nowMs={Date.parse('2025-06-03T10:00:00.000Z')}
        ended
        hasNextPage={false}
        {...QUIET_PAGES}
        total={ROWS}
        paused={false}
        goingToEnd={false}
        onGoToEnd={() => {}}
        onStopGoingToEnd={() => {}}
        {...overrides}
      />
    </>,
    { route: '/chatbots/demo/organizations' },
  );
}

const bodyRows = () =>
  screen.getAllByRole('row').filter((row) => row.getAttribute('data-position') !== null);

describe('OrganizationTable', () => {
  it('shows every hostile string as text on one line, with the full text on hover', () => {
    const { container } = renderTable();
    expect(bodyRows()).toHaveLength(ROWS);
    for (const [index, organization] of organizations.entries()) {
      const row = bodyRows()[index]!;
      const shown = displayText(organization.name);
      const link = within(row).getByRole('link');
      expect(link.textContent).toBe(shown.trim() === '' ? '(no name)' : shown);
      expect(link.getAttribute('href')).toBe(
        `/chatbots/demo/organizations/${encodeURIComponent(organization.id)}`,
      );
      const cells = within(row).getAllByRole('cell');
      // Industry, location, website and email: the same text, each with its hover title.
      for (const cell of [cells[1], cells[4], cells[5]]) {
        if (organization.name.trim() === '') continue;
        expect(cell?.textContent).toBe(shown);
        expect(cell?.getAttribute('title')).toBe(shown);
      }
      // eslint-disable-next-line no-control-regex -- asserting that none is left.
      expect(row.textContent).not.toMatch(/[\n\r\t\u0000]/);
    }
    // Markup in the data stays text: nothing it names exists as an element.
    expect(
      container.querySelectorAll('img, script, iframe, mark, a[href^="javascript"]'),
    ).toHaveLength(0);
  });

  it('opens an organization in the app when its name is clicked', async () => {
    // A key of its own: the list remembers the row it was left from (scrollMemory.ts).
    const { user } = renderTable({ positionKey: 'opens-in-app' });
    const organization = organizations[3]!;
    await user.click(within(bodyRows()[3]!).getByRole('link'));
    expect(screen.getByTestId('current-path')).toHaveTextContent(
      `/chatbots/demo/organizations/${encodeURIComponent(organization.id)}`,
    );
  });

  it('leaves a click with a modifier (a new tab or window) to the browser', () => {
    renderTable({ positionKey: 'modifier-click' });
    const link = within(bodyRows()[2]!).getByRole('link');
    const event = new MouseEvent('click', { bubbles: true, cancelable: true, ctrlKey: true });
    // After the app's handlers (window is reached last): keeps jsdom from trying to navigate.
    window.addEventListener('click', (clicked) => clicked.preventDefault(), { once: true });
    act(() => void link.dispatchEvent(event));
    expect(screen.getByTestId('current-path')).toHaveTextContent(
      /^\/chatbots\/demo\/organizations$/,
    );
  });

  it('moves one highlighted, focused row with the arrows, End and Home; the end counts the rows', async () => {
    const { user } = renderTable();
    expect(screen.getByRole('status')).toHaveTextContent(`End of the list · ${ROWS} organizations`);
    // The scroll area is the table's tab stop until a row is active; focus moves into its rows.
    await user.tab();
    const focusedRow = () => document.activeElement?.closest('[role=row]');
    expect(focusedRow()?.getAttribute('aria-rowindex')).toBe('2');

    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(focusedRow()?.getAttribute('aria-rowindex')).toBe('4');
    expect(document.querySelectorAll('[role=row][data-active]')).toHaveLength(1);
    expect(focusedRow()).toHaveAttribute('data-active');

    await user.keyboard('{End}');
    expect(focusedRow()?.getAttribute('aria-rowindex')).toBe(String(ROWS + 1));
    await user.keyboard('{ArrowDown}');
    expect(focusedRow()?.getAttribute('aria-rowindex')).toBe(String(ROWS + 1));
    await user.keyboard('{Home}');
    expect(focusedRow()?.getAttribute('aria-rowindex')).toBe('2');
    // The active row is the one tab stop of the table.
    const tabStops = document.querySelectorAll('[role=table] a[tabindex="0"]');
    expect(tabStops).toHaveLength(1);
  });

  it('End before the end is loaded fetches on to it, then moves to the last row; Esc stops', async () => {
    const calls: string[] = [];
    const arrival = { last: () => {} };
    function Harness() {
      const [state, setState] = useState({ ended: false, goingToEnd: false });
      useEffect(() => {
        arrival.last = () => setState({ ended: true, goingToEnd: false });
      }, []);
      return (
        <OrganizationTable
          list={{ ...listWindow([page]), knownEndIndex: ROWS }}
          hrefFor={(id) => `/o/${encodeURIComponent(id)}`}
          positionKey="end"
          nowMs={Date.parse('2025-06-03T10:00:00.000Z')}
          ended={state.ended}
          hasNextPage={!state.ended}
          {...QUIET_PAGES}
          total={5000}
          paused={false}
          goingToEnd={state.goingToEnd}
          onGoToEnd={() => {
            calls.push('go');
            setState({ ended: false, goingToEnd: true });
          }}
          onStopGoingToEnd={() => {
            calls.push('stop');
            setState((current) => ({ ...current, goingToEnd: false }));
          }}
        />
      );
    }
    const { user } = renderWithProviders(<Harness />);
    await user.tab();
    const focusedRow = () => document.activeElement?.closest('[role=row]');
    await user.keyboard('{End}');
    expect(calls).toEqual(['go']);
    expect(screen.getByRole('status')).toHaveTextContent(
      `Going to the end of the list: ${ROWS} of 5,000 loaded`,
    );
    await user.keyboard('{Escape}');
    expect(calls).toEqual(['go', 'stop']);
    expect(screen.getByRole('status')).not.toHaveTextContent('Going to the end');

    await user.keyboard('{End}');
    act(() => arrival.last());
    expect(focusedRow()?.getAttribute('aria-rowindex')).toBe(String(ROWS + 1));
  });

  it('shows skeleton rows and no count while the first page loads', () => {
    renderTable({ list: null });
    expect(bodyRows()).toHaveLength(0);
    expect(screen.getByRole('table', { name: 'Organizations' })).toHaveAttribute(
      'aria-busy',
      'true',
    );
    expect(screen.queryByText(/End of the list/)).toBeNull();
  });
});
