import '@mantine/core/styles.css';
import './styles.css';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { initI18n } from './i18n/i18n';

// The first render waits for the reader's texts (English is loaded on demand). As a transition it yields to the
// browser every few milliseconds instead of holding a phone's main thread for the whole first page.
void initI18n().then(() =>
  startTransition(() =>
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  ),
);
