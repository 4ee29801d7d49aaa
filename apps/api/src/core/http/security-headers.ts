import helmet, { type HelmetOptions } from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

const NONCE = '__NONCE__';

/**
 * Runs helmet's middleware once against a recording response and returns the headers it would set.
 * Helmet stays the source of the header values; applying them per request as a plain object keeps the
 * cost out of the hot path (helmet per request took 64 % of the API's throughput, bench/README.md).
 */
function recordHelmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: unknown) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  let done = false;
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, () => {
    done = true;
  });
  if (!done) throw new Error('helmet did not finish synchronously');
  return headers;
}

/** Static assets and errors: helmet's full set; the CSP allows nothing, as none of these is a document. */
export const ASSET_HEADERS = recordHelmetHeaders({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
  },
  crossOriginEmbedderPolicy: false,
});

/**
 * GraphQL and health JSON: only the headers that mean something for a JSON response a browser fetches. Every
 * byte goes out on every API response (bench/README.md): the CSP keeps what protects a JSON answer opened as a
 * document (nothing loads, nothing frames it); `base-uri` and `form-action` only matter in HTML.
 */
export const API_HEADERS: Record<string, string> = {
  ...Object.fromEntries(['x-content-type-options', 'strict-transport-security', 'cross-origin-resource-policy'].map((name) => [name, ASSET_HEADERS[name]!])),
  'content-security-policy': recordHelmetHeaders({
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
  })['content-security-policy']!,
};

const PAGE_HEADERS = recordHelmetHeaders({
  contentSecurityPolicy: {
    useDefaults: true,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", `'nonce-${NONCE}'`],
      styleSrc: ["'self'", `'nonce-${NONCE}'`],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
      upgradeInsecureRequests: null,
    },
  },
});

/**
 * The web app's page: helmet's full set; scripts and style tags only with this response's nonce. A page with its
 * first view rendered by the server (web-app-page.ts) also allows style attributes: Mantine's components carry their
 * sizes and colours in them, which in server HTML the browser would otherwise refuse (the app sets them through the
 * DOM, which the CSP does not govern).
 */
export function pageHeaders(nonce: string, { styleAttributes = false } = {}): Record<string, string> {
  const csp = PAGE_HEADERS['content-security-policy']!.replaceAll(NONCE, nonce);
  return { ...PAGE_HEADERS, 'content-security-policy': styleAttributes ? `${csp};style-src-attr 'unsafe-inline'` : csp };
}
