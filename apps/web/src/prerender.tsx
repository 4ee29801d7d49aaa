import { HttpLink } from '@apollo/client';
import { MantineProvider } from '@mantine/core';
import i18next from 'i18next';
import { renderToStaticMarkup, renderToString } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { StaticRouter } from 'react-router';
import { createApolloClient } from './app/apollo';
import { RequestClient } from './app/ApolloRoot';
import { PRERENDERED_PAGES } from './app/page-routes';
import { AppRoutes, pageAt, preloadRoute } from './app/router';
import { theme } from './app/theme';
import { ServerPageTitle } from './components/usePageTitle';
import type { Language } from './i18n/i18n';
import pagesDe from './i18n/locales/de/pages.json';
import shellDe from './i18n/locales/de/shell.json';
import pagesEn from './i18n/locales/en/pages.json';
import shellEn from './i18n/locales/en/shell.json';

/*
 * The server's render of a page's first view (web-app-page.ts in the API loads this build): the frame and the page
 * as the tab's first render draws them, with the answers of the page's first query, so that a reader on a slow
 * network sees the page before the app's scripts have arrived. The tab then renders the same page over it.
 */

export interface PrerenderRequest {
  /** Path and query of the page. */
  url: string;
  language: Language;
  /** The page's CSP nonce, for Mantine's style element. */
  nonce: string;
  /** Sends the page's queries to the API as the reader would (with their cookies). */
  fetch: typeof fetch;
}

export interface Prerendered {
  html: string;
  /** The page's `<title>` element, as the app titles it (components/usePageTitle.ts). */
  titleHtml?: string;
  /** The answers the render used, for the tab's cache (app/apollo.ts). */
  state: unknown;
}

const ready = i18next
  .use(initReactI18next)
  .init({
    resources: { de: { translation: shellDe }, en: { translation: shellEn } },
    lng: 'de',
    fallbackLng: 'de',
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  .then(() => {
    i18next.addResourceBundle('de', 'translation', pagesDe, true, false);
    i18next.addResourceBundle('en', 'translation', pagesEn, true, false);
    // One instance per language over the same texts: renders of different requests do not switch each other's.
    return { de: i18next.cloneInstance({ lng: 'de' }), en: i18next.cloneInstance({ lng: 'en' }) };
  });

/** The first view of the page at `url`, or undefined when that page is not one the server renders. */
export async function prerender({ url, language, nonce, fetch }: PrerenderRequest): Promise<Prerendered | undefined> {
  const { pathname } = new URL(url, 'http://localhost');
  const page = pageAt(pathname);
  if (!page || !PRERENDERED_PAGES.includes(page)) return undefined;
  const texts = await ready;
  const client = createApolloClient(new HttpLink({ uri: '/graphql', fetch }));
  const { data } = await preloadRoute(pathname, client);
  await data;
  const titled: { title?: string } = {};
  const html = renderToString(
    <I18nextProvider i18n={texts[language]}>
      <RequestClient.Provider value={client}>
        <ServerPageTitle.Provider value={titled}>
          <MantineProvider theme={theme} getStyleNonce={() => nonce}>
            <StaticRouter location={url}>
              <AppRoutes />
            </StaticRouter>
          </MantineProvider>
        </ServerPageTitle.Provider>
      </RequestClient.Provider>
    </I18nextProvider>,
  );
  const titleHtml = titled.title === undefined ? undefined : renderToStaticMarkup(<title>{titled.title}</title>);
  return { html, titleHtml, state: client.extract() };
}
