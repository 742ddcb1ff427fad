import { useLocation, useParams } from 'react-router';
import { LookupPage } from './LookupPage.tsx';

/**
 * The lookup page inside the full console's router: only `npm run dev` gets here (Vite serves
 * index.html for every path); the console server serves lookup.html, its own small bundle
 * (src/lookupMain.tsx), at this path. No site may frame it here, so it reads no messages.
 */
export function LookupRoutePage() {
  const { chatbotId = '' } = useParams();
  const { search } = useLocation();
  return <LookupPage chatbotId={chatbotId} initialSearch={search} embedOrigins={[]} />;
}
