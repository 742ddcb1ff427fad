import { AppShell } from '@mantine/core';
import { Outlet, useMatch } from 'react-router';
import { QuickLookup } from '../palette/QuickLookup.tsx';
import { QuickLookupButton } from '../palette/QuickLookupButton.tsx';
import { AppHeader } from './AppHeader.tsx';
import { LoadingProgress } from './LoadingProgress.tsx';

export const HEADER_HEIGHT = 56;

/** The chatbot of the current URL (`/chatbots/:chatbotId/…`), if there is one. */
function useRouteChatbotId(): string | undefined {
  return useMatch({ path: '/chatbots/:chatbotId', end: false })?.params.chatbotId;
}

/** The frame of every page: the progress bar, the header, and the page below it. */
export function AppLayout() {
  const chatbotId = useRouteChatbotId();
  return (
    <AppShell header={{ height: HEADER_HEIGHT }} padding="md">
      <LoadingProgress />
      <AppShell.Header>
        <AppHeader
          chatbotId={chatbotId}
          tools={chatbotId !== undefined ? <QuickLookupButton /> : undefined}
        />
      </AppShell.Header>
      {/* Ctrl+K / ⌘K on every page of a chatbot. */}
      <QuickLookup chatbotId={chatbotId} />
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
