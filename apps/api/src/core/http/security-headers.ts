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
 * GraphQL and health JSON: only the headers that mean something for a JSON response a browser fetches.
 * Every header is bytes on every API response (bench/README.md).
 */
export const API_HEADERS: Record<string, string> = Object.fromEntries(
  ['content-security-policy', 'x-content-type-options', 'strict-transport-security', 'cross-origin-resource-policy'].map((name) => [
    name,
    ASSET_HEADERS[name]!,
  ]),
);

const PAGE_HEADERS = recordHelmetHeaders({
  contentSecurityPolicy: {
    useDefaults: true,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", `'nonce-${NONCE}'`],
      styleSrc: ["'self'", `'nonce-${NONCE}'`],
      // Style attributes: a page's first view comes rendered from the server (web-app-page.ts), and Mantine's
      // components carry their sizes and colours as style attributes. Style elements still need the nonce.
      styleSrcAttr: ["'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
      upgradeInsecureRequests: null,
    },
  },
});

/** The web app's page: helmet's full set; scripts and style tags only with this response's nonce. */
export function pageHeaders(nonce: string): Record<string, string> {
  return { ...PAGE_HEADERS, 'content-security-policy': PAGE_HEADERS['content-security-policy']!.replaceAll(NONCE, nonce) };
}
