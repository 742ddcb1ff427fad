// The console's routes. The organizations list is the page nearly every visit starts on, so its
// code comes with the app and its first page is requested before React renders (main.tsx); every
// other page is its own lazily loaded chunk (the list's JS budget is 150 KB gzip), and those
// opened from the list are fetched once the first page has settled. All pages render
// inside the shell (AppLayout: header, progress bar).
//
// Declarative <Routes> rather than React Router's data router: the data router costs the first
// page ~17 KB gzip more, and the console uses none of its loaders or actions; leaving a page with
// unsaved changes is guarded by hooks/shell/useNavigationBlocker.ts instead of useBlocker.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { searchPanel } from './pages/search/OrganizationSearch.tsx';
import { AppLayout } from './pages/shell/AppLayout.tsx';
import { whenPageSettled } from './lib/shell/whenPageSettled.ts';
import { lazyPage } from './lazyPage.tsx';
import { OrganizationsPage } from './pages/organizations/OrganizationsPage.tsx';
import { ROUTES } from './routes.ts';

const DefaultChatbotRedirect = lazyPage(
  async () => (await import('./pages/shell/DefaultChatbotRedirect.tsx')).DefaultChatbotRedirect,
);
const NewOrganizationPage = lazyPage(
  async () => (await import('./pages/organizations/NewOrganizationPage.tsx')).NewOrganizationPage,
);
const OrganizationPage = lazyPage(
  async () => (await import('./pages/organizations/OrganizationPage.tsx')).OrganizationPage,
);
const DataQualityPage = lazyPage(
  async () => (await import('./pages/cleanup/DataQualityPage.tsx')).DataQualityPage,
);
const AuditPage = lazyPage(async () => (await import('./pages/audit/AuditPage.tsx')).AuditPage);
const LookupRoutePage = lazyPage(
  async () => (await import('./pages/lookup/LookupRoutePage.tsx')).LookupRoutePage,
);
const NotFoundPage = lazyPage(
  async () => (await import('./pages/shell/NotFoundPage.tsx')).NotFoundPage,
);

/**
 * Once the first page has its data on screen and the browser is idle, fetches the code of the
 * pages opened from the list and of the search results, so opening one renders it at once.
 */
function usePreloadPagesOpenedFromTheList(): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      whenPageSettled(queryClient, () => {
        // A failure here costs nothing: the page fetches its code again when opened.
        OrganizationPage.preload().catch(() => undefined);
        NewOrganizationPage.preload().catch(() => undefined);
        searchPanel.preload().catch(() => undefined);
      }),
    [queryClient],
  );
}

export function AppRoutes() {
  usePreloadPagesOpenedFromTheList();
  return (
    <Routes>
      {/* The compact lookup, without the console's header (lookup.html in a build). */}
      <Route path={ROUTES.lookup} element={<LookupRoutePage.Page />} />
      <Route path="/" element={<AppLayout />}>
        {/* `/`: the console server's default chatbot (GET /console/config). */}
        <Route index element={<DefaultChatbotRedirect.Page />} />
        {/* A chatbot's root: its organizations. */}
        <Route path={ROUTES.chatbot} element={<Navigate to="organizations" replace />} />
        <Route path={ROUTES.organizations} element={<OrganizationsPage />} />
        {/* A new organization; before `:organizationId`, so "new" is not an id. */}
        <Route path={ROUTES.newOrganization} element={<NewOrganizationPage.Page />} />
        {/* One organization, its tab in the URL: overview (none), `contacts`, `edit`, `history`. */}
        <Route path={ROUTES.organization} element={<OrganizationPage.Page />} />
        {/* Data quality: the overview, one check's findings as a queue, a group's merge (`merge`). */}
        <Route path={ROUTES.dataQuality} element={<DataQualityPage.Page />} />
        {/* The audit trail of every chatbot, its filters in the query string. */}
        <Route path={ROUTES.audit} element={<AuditPage.Page />} />
        <Route path="*" element={<NotFoundPage.Page />} />
      </Route>
    </Routes>
  );
}
