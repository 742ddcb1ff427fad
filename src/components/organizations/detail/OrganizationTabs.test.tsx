// The organization page's tabs as a keyboard and screen-reader user meets them: one tab stop,
// arrows (wrapping), Home and End move and select, and the panel is named by its tab.
import { screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../test/render.tsx';
import { OrganizationTabs } from './OrganizationTabs.tsx';

type Tab = 'overview' | 'contacts' | 'edit';

function Harness({ initial }: { initial: Tab }) {
  const [tab, setTab] = useState<Tab>(initial);
  return (
    <OrganizationTabs
      tabs={[
        { value: 'overview', label: 'Overview' },
        { value: 'contacts', label: 'Contacts', rightSection: <span>12</span> },
        { value: 'edit', label: 'Edit' },
      ]}
      value={tab}
      onChange={setTab}
    >
      <p>Content of {tab}</p>
    </OrganizationTabs>
  );
}

function selectedTab() {
  return screen.getByRole('tab', { selected: true });
}

describe('OrganizationTabs', () => {
  it('shows the selected tab’s panel, named by its tab, and makes only that tab a tab stop', () => {
    renderWithProviders(<Harness initial="contacts" />);
    expect(selectedTab()).toHaveAccessibleName('Contacts 12');
    const panel = screen.getByRole('tabpanel', { name: 'Contacts 12' });
    expect(panel).toHaveTextContent('Content of contacts');
    expect(selectedTab()).toHaveAttribute('aria-controls', panel.id);
    expect(screen.getAllByRole('tab').map((tab) => tab.tabIndex)).toEqual([-1, 0, -1]);
  });

  it('selects a tab on click', async () => {
    const { user } = renderWithProviders(<Harness initial="overview" />);
    await user.click(screen.getByRole('tab', { name: 'Edit' }));
    expect(selectedTab()).toHaveAccessibleName('Edit');
    expect(screen.getByRole('tabpanel')).toHaveTextContent('Content of edit');
  });

  it('moves focus and selection with the arrows (wrapping), Home and End', async () => {
    const { user } = renderWithProviders(<Harness initial="overview" />);
    await user.tab();
    expect(screen.getByRole('tab', { name: 'Overview' })).toHaveFocus();

    await user.keyboard('{ArrowRight}');
    expect(selectedTab()).toHaveAccessibleName('Contacts 12');
    expect(selectedTab()).toHaveFocus();

    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(selectedTab()).toHaveAccessibleName('Overview');

    await user.keyboard('{ArrowLeft}');
    expect(selectedTab()).toHaveAccessibleName('Edit');
    expect(screen.getByRole('tabpanel')).toHaveTextContent('Content of edit');

    await user.keyboard('{Home}');
    expect(selectedTab()).toHaveAccessibleName('Overview');
    await user.keyboard('{End}');
    expect(selectedTab()).toHaveAccessibleName('Edit');
    expect(selectedTab()).toHaveFocus();
  });
});
