import '@mantine/core/styles.css';
import './styles.css';
import { StrictMode, startTransition } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from './app/App';
import { createAppRouter } from './app/router';
import { initI18n } from './i18n/i18n';

const root = document.getElementById('root')!;

// The first render waits for the reader's texts (English is loaded on demand) and the current page's chunk.
void Promise.all([initI18n(), createAppRouter()]).then(([i18n, router]) => {
  const app = (
    <StrictMode>
      <App router={router} />
    </StrictMode>
  );
  // The server sends a prerendered German page to visitors without a session (web-app-page.ts): hydrated, it
  // stays on screen. Hydration, like the transition below, yields to the browser every few milliseconds instead of
  // holding a phone's main thread for the whole first page.
  if (root.hasChildNodes() && i18n.language === 'de') {
    hydrateRoot(root, app);
    return;
  }
  root.replaceChildren();
  startTransition(() => createRoot(root).render(app));
});
