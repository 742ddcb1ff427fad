// The console's routes. The organizations list is the page nearly every visit starts on, so its
// code comes with the app and its first page is requested before React renders (main.tsx); every
// other page is its own lazily loaded chunk (the list's JS budget is 150 KB gzip). All pages render
// inside the shell (AppLayout: header, progress bar).
//
// Declarative <Routes> rather than React Router's data router: the data router costs the first
// page ~17 KB gzip more, and the console uses none of its loaders or actions; leaving a page with
// unsaved changes is guarded by hooks/useNavigationBlocker.ts instead of useBlocker.
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { AppLayout } from './components/shell/AppLayout.tsx';
import { PageCodeLoading } from './components/shell/PageCodeLoading.tsx';
import { OrganizationsPage } from './pages/OrganizationsPage.tsx';

const DefaultChatbotRedirect = lazy(async () => ({
  default: (await import('./pages/DefaultChatbotRedirect.tsx')).DefaultChatbotRedirect,
}));
const NewOrganizationPage = lazy(async () => ({
  default: (await import('./pages/NewOrganizationPage.tsx')).NewOrganizationPage,
}));
const OrganizationPage = lazy(async () => ({
  default: (await import('./pages/OrganizationPage.tsx')).OrganizationPage,
}));
const NotFoundPage = lazy(async () => ({
  default: (await import('./pages/NotFoundPage.tsx')).NotFoundPage,
}));

function LazyPage({ page: Page }: { page: LazyExoticComponent<ComponentType> }) {
  return (
    <Suspense fallback={<PageCodeLoading />}>
      <Page />
    </Suspense>
  );
}

/** The path of the organizations list (with `?q=`, search results) of a chatbot. */
export const ORGANIZATIONS_ROUTE = '/chatbots/:chatbotId/organizations';

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<AppLayout />}>
        {/* `/`: the console server's default chatbot (GET /console/config). */}
        <Route index element={<LazyPage page={DefaultChatbotRedirect} />} />
        {/* `/chatbots/:chatbotId`: its organizations. */}
        <Route path="chatbots/:chatbotId" element={<Navigate to="organizations" replace />} />
        <Route path={ORGANIZATIONS_ROUTE} element={<OrganizationsPage />} />
        {/* A new organization; before `:organizationId`, so "new" is not an id. */}
        <Route
          path="chatbots/:chatbotId/organizations/new"
          element={<LazyPage page={NewOrganizationPage} />}
        />
        {/* One organization, its tab in the URL: overview (none), `contacts`, `edit`. */}
        <Route
          path="chatbots/:chatbotId/organizations/:organizationId/:tab?"
          element={<LazyPage page={OrganizationPage} />}
        />
        <Route path="*" element={<LazyPage page={NotFoundPage} />} />
      </Route>
    </Routes>
  );
}
