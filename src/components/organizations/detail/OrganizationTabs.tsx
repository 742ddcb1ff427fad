import { useId, type KeyboardEvent, type ReactNode } from 'react';
import classes from './OrganizationTabs.module.css';

export interface TabItem<Value extends string> {
  value: Value;
  label: string;
  /** After the label: a count badge. */
  rightSection?: ReactNode;
}

interface OrganizationTabsProps<Value extends string> {
  tabs: readonly TabItem<Value>[];
  value: Value;
  onChange: (value: Value) => void;
  /** The active tab's content (the others are not rendered). */
  children: ReactNode;
}

const NEXT_KEYS: Record<string, 1 | -1> = { ArrowRight: 1, ArrowLeft: -1 };

/**
 * Tabs as the WAI-ARIA pattern asks (a tablist of tabs, one tab stop, arrows, Home and End move
 * and activate, the panel labelled by its tab), in plain elements with Mantine's default look.
 * Mantine's Tabs gave its ids a new value in a layout effect after mounting, and that one
 * re-render made React run every effect of a newly opened organization before its first paint.
 */
export function OrganizationTabs<Value extends string>({
  tabs,
  value,
  onChange,
  children,
}: OrganizationTabsProps<Value>) {
  const idBase = useId();
  const tabId = (tab: Value) => `${idBase}tab-${tab}`;
  const panelId = (tab: Value) => `${idBase}panel-${tab}`;

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const rtl = getComputedStyle(event.currentTarget).direction === 'rtl';
    const step = NEXT_KEYS[event.key];
    let next: number;
    if (step !== undefined) next = index + (rtl ? -step : step);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    else return;
    event.preventDefault();
    const target = tabs[(next + tabs.length) % tabs.length]!;
    document.getElementById(tabId(target.value))?.focus();
    if (target.value !== value) onChange(target.value);
  };

  return (
    <div>
      <div role="tablist" aria-orientation="horizontal" className={classes.list}>
        {tabs.map((tab, index) => {
          const selected = tab.value === value;
          return (
            <button
              key={tab.value}
              type="button"
              role="tab"
              id={tabId(tab.value)}
              aria-selected={selected}
              aria-controls={selected ? panelId(tab.value) : undefined}
              tabIndex={selected ? 0 : -1}
              className={`${classes.tab} mantine-focus-auto`}
              onClick={() => {
                if (!selected) onChange(tab.value);
              }}
              onKeyDown={(event) => onKeyDown(event, index)}
            >
              <span>{tab.label}</span>
              {tab.rightSection !== undefined && (
                <span className={classes.section}>{tab.rightSection}</span>
              )}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={panelId(value)} aria-labelledby={tabId(value)}>
        {children}
      </div>
    </div>
  );
}
