import type { ApolloCache } from '@apollo/client';

/**
 * After something is created, the cached lists that could show it are dropped: a list on screen asks the server
 * again at once, one on another page when that page is next opened (`refetchQueries` reaches only lists on screen).
 */
export function forgetLists(...fieldNames: string[]) {
  return (cache: ApolloCache) => {
    for (const fieldName of fieldNames) cache.evict({ id: 'ROOT_QUERY', fieldName });
    cache.gc();
  };
}
