// The WHATWG URL parser of both browser and Node; this library is built without either's type library.
declare const URL: new (input: string, base: string) => { origin: string; pathname: string; search: string; hash: string };

const BASE = 'http://verbund.invalid';

/** A path a browser would read as another host: `//host` and `/\host` (browsers treat `\` as `/`). */
const OTHER_HOST = /^[/\\]{2}/;

/**
 * Where to go after signing in: only a path on this site, checked after the URL parser has normalised it,
 * because `/.//evil.example` and `/a/..//evil.example` become `//evil.example`. Anything else is `/`.
 */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || next.length > 2000 || !next.startsWith('/') || OTHER_HOST.test(next)) return '/';
  let url: InstanceType<typeof URL>;
  try {
    url = new URL(next, BASE);
  } catch {
    return '/';
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  return url.origin === BASE && !OTHER_HOST.test(path) ? path : '/';
}
