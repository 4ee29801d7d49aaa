import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocation, useNavigationType, useSearchParams } from 'react-router';

const OWN_WRITE = 'verbund.urlParams';

/**
 * Search and filters kept in the URL, so results can be shared and survive reloads.
 *
 * The router applies a navigation later, in a transition, so neither the last render's params nor
 * `window.location` is the address a quick second change should build on: clearing the search and then choosing a
 * Land could bring the cleared search back. The page therefore reads a local copy that changes at once, and the URL
 * follows it. An address that arrives from elsewhere (a link, back and forward) replaces the copy.
 */
export function useUrlParams() {
  const [urlParams, setUrlParams] = useSearchParams();
  const location = useLocation();
  const navigationType = useNavigationType();
  const [params, setParams] = useState(() => new URLSearchParams(urlParams));
  const latest = useRef(params);

  const ownWrite = (location.state as Record<string, unknown> | null)?.[OWN_WRITE] === true;
  useEffect(() => {
    if (ownWrite && navigationType !== 'POP') return;
    if (latest.current.toString() === urlParams.toString()) return;
    latest.current = new URLSearchParams(urlParams);
    setParams(latest.current);
  }, [location.key, ownWrite, navigationType, urlParams]);

  const set = useCallback(
    (key: string, value: string | string[] | null | undefined) => {
      const next = new URLSearchParams(latest.current);
      const v = Array.isArray(value) ? value.join(',') : value;
      if (v) next.set(key, v);
      else next.delete(key);
      latest.current = next;
      setParams(next);
      setUrlParams(next, { replace: true, state: { [OWN_WRITE]: true } });
    },
    [setUrlParams],
  );
  return [params, set] as const;
}
