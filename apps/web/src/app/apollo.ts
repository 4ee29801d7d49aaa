import { ApolloClient, HttpLink, InMemoryCache, type ApolloLink } from '@apollo/client';
import introspection from '../gql/possible-types';

/** The tab's client, or with another link the server's for one page (prerender.tsx). */
export function createApolloClient(
  // Same origin: the session cookie goes along; CSRF protection rests on the JSON content type.
  link: ApolloLink = new HttpLink({ uri: '/graphql', credentials: 'same-origin' }),
) {
  return new ApolloClient({
    link,
    cache: new InMemoryCache({
      possibleTypes: introspection.possibleTypes,
      // Types without an id that mutations answer with: keyed, so the answer replaces what the page shows.
      typePolicies: { RoundRoom: { keyFields: ['roundId'] }, NotificationPreference: { keyFields: ['kind'] } },
    }),
  });
}

/** One client, one cache for the whole tab: every part of the page that waits for Apollo gets this one. */
export const apolloClient = createApolloClient();

/** The id of the script element in which the server hands over the answers its render of the page used. */
export const PRERENDER_STATE_ID = 'verbund-state';

/** Puts the answers the server's render used into the tab's cache once, so the first render shows the same page. */
export function adoptPrerenderState(): void {
  const element = document.getElementById(PRERENDER_STATE_ID);
  if (!element) return;
  element.remove();
  apolloClient.cache.restore(JSON.parse(element.textContent ?? '{}'));
}
