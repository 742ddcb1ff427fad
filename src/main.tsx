import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

// Replaced by the app shell (issue 3).
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <p>Organizations Console</p>
  </StrictMode>,
);
