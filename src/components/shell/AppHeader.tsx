import { Group } from '@mantine/core';
import { IconBuildingSkyscraper, IconChecklist, IconHistory, IconList } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import { displayText } from '../../lib/shared/displayText.ts';
import { AUDIT_PATH, dataQualityPath, organizationsPath } from '../../routes.ts';
import classes from './AppHeader.module.css';
import hidden from '../visuallyHidden.module.css';
import { ColorSchemeToggle } from './ColorSchemeToggle.tsx';

export const PRODUCT_NAME = 'Organizations Console';

interface AppHeaderProps {
  /** The chatbot of the current URL; undefined on pages outside a chatbot. */
  chatbotId: string | undefined;
  /** Extra controls before the colour scheme toggle (the quick lookup's button). */
  tools?: ReactNode;
  /** Shows the Audit link (admins, and local mode). */
  showAudit?: boolean;
  /** Who is signed in, with Sign out (AccountMenu), after the tools. */
  account?: ReactNode;
}

/** Product name, navigation, the chatbot in the URL, and the header's tools. */
export function AppHeader({ chatbotId, tools, showAudit = false, account }: AppHeaderProps) {
  return (
    <div className={classes.header}>
      <Link
        to={chatbotId === undefined ? '/' : organizationsPath(chatbotId)}
        className={classes.brand}
      >
        <IconBuildingSkyscraper size={22} stroke={1.6} aria-hidden="true" />
        <span className={hidden.below60em}>{PRODUCT_NAME}</span>
      </Link>
      <nav aria-label="Main" className={classes.nav}>
        <NavLink
          to={chatbotId === undefined ? '/' : organizationsPath(chatbotId)}
          className={classes.navLink}
          end={chatbotId === undefined}
        >
          <IconList size={18} stroke={1.6} aria-hidden="true" className={classes.navIcon} />
          <span className={hidden.below56em}>Organizations</span>
        </NavLink>
        {chatbotId !== undefined && (
          <NavLink to={dataQualityPath(chatbotId)} className={classes.navLink}>
            <IconChecklist size={18} stroke={1.6} aria-hidden="true" className={classes.navIcon} />
            <span className={hidden.below56em}>Data quality</span>
          </NavLink>
        )}
        {showAudit && (
          <NavLink to={AUDIT_PATH} className={classes.navLink}>
            <IconHistory size={18} stroke={1.6} aria-hidden="true" className={classes.navIcon} />
            <span className={hidden.below56em}>Audit</span>
          </NavLink>
        )}
      </nav>
      {chatbotId !== undefined && (
        <>
          <div className={classes.chatbot} title={`Chatbot ${chatbotId}`}>
            Chatbot
            <bdi className={classes.chatbotId}>{displayText(chatbotId)}</bdi>
          </div>
        </>
      )}
      <div className={classes.spacer} />
      <Group gap="xs" wrap="nowrap">
        {tools}
        <ColorSchemeToggle />
        {account}
      </Group>
    </div>
  );
}
