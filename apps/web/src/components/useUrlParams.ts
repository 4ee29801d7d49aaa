import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * Search and filters kept in the URL, so results can be shared and survive reloads. Each change builds on the
 * address as it is at that moment, not on the params of the last render: two quick changes in a row (clearing the
 * search, then choosing a Land) both land, even when a render with the older address comes in between.
 */
export function useUrlParams() {
  const [params, setParams] = useSearchParams();
  const set = useCallback(
    (key: string, value: string | string[] | null | undefined) => {
      const next = new URLSearchParams(window.location.search);
      const v = Array.isArray(value) ? value.join(',') : value;
      if (v) next.set(key, v);
      else next.delete(key);
      setParams(next, { replace: true });
    },
    [setParams],
  );
  return [params, set] as const;
}
