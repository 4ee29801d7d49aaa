// Mantine's base styles; each component's own come with it (mantine-styles.ts).
import '@mantine/core/styles/baseline.layer.css';
import '@mantine/core/styles/default-css-variables.layer.css';
import '@mantine/core/styles/global.layer.css';
import './styles.css';
import { StrictMode, startTransition } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from './app/App';
import { preloadRoute } from './app/router';
import { FIRST_VIEW } from './app/frame';
import { initI18n } from './i18n/i18n';

// The language of a page the server rendered, before the texts set the reader's.
const servedLanguage = document.documentElement.lang;

// The first render waits for the reader's texts (English is loaded on demand) and the current page's chunks, but
// not for long: a stalled download leaves the frame and its loading state to show (a failed one is the page's error
// boundary's to show). As a transition it yields to the browser every few milliseconds instead of holding a phone's
// main thread for the whole first page. A page the server rendered is taken over as it is: React attaches to its
// elements instead of drawing them again (where they differ, it draws that part anew). Rendered in another language
// than the reader's (a choice kept in this browser only, from before the cookie), it is drawn anew.
const pageOrTimeout = Promise.race([preloadRoute(location.pathname).catch(() => undefined), new Promise((done) => setTimeout(done, 2000))]);
void Promise.all([initI18n(), pageOrTimeout]).then(([i18n]) => {
  const container = document.getElementById('root')!;
  const app = (
    <StrictMode>
      <App />
    </StrictMode>
  );
  startTransition(() => {
    if (container.hasAttribute(FIRST_VIEW) && i18n.language === servedLanguage) hydrateRoot(container, app);
    else createRoot(container).render(app);
  });
});
