// The console's routes. Every page is its own lazily loaded chunk (the list's JS budget is
// 150 KB gzip), so each entry below names one page and nothing else; add a page by adding an
// entry. All pages render inside the shell (AppLayout: header, progress bar).
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { AppLayout } from './components/shell/AppLayout.tsx';
import { RouteErrorPage } from './pages/RouteErrorPage.tsx';

function InitialLoad() {
  return null;
}

export const appRoutes: RouteObject[] = [
  {
    path: '/',
    element: <AppLayout />,
    ErrorBoundary: RouteErrorPage,
    // Shown while the first page's code loads; the shell itself appears with the page.
    HydrateFallback: InitialLoad,
    children: [
      // `/`: the console server's default chatbot (GET /console/config).
      {
        index: true,
        lazy: async () => ({
          Component: (await import('./pages/DefaultChatbotRedirect.tsx')).DefaultChatbotRedirect,
        }),
      },

      // `/chatbots/:chatbotId`: its organizations.
      { path: 'chatbots/:chatbotId', element: <Navigate to="organizations" replace /> },

      // The organizations list (and, with `?q=`, search results).
      {
        path: 'chatbots/:chatbotId/organizations',
        lazy: async () => ({
          Component: (await import('./pages/OrganizationsPage.tsx')).OrganizationsPage,
        }),
      },

      // A new organization (engineer "org"); before `:organizationId`, so "new" is not an id.
      {
        path: 'chatbots/:chatbotId/organizations/new',
        lazy: async () => ({
          Component: (await import('./pages/NewOrganizationPage.tsx')).NewOrganizationPage,
        }),
      },

      // One organization, its tab in the URL: overview (none), `contacts`, `edit`.
      {
        path: 'chatbots/:chatbotId/organizations/:organizationId/:tab?',
        lazy: async () => ({
          Component: (await import('./pages/OrganizationPage.tsx')).OrganizationPage,
        }),
      },

      // Anything else.
      {
        path: '*',
        lazy: async () => ({
          Component: (await import('./pages/NotFoundPage.tsx')).NotFoundPage,
        }),
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(appRoutes);
}
