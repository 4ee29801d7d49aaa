import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import introspection from '../gql/possible-types';

function createApolloClient() {
  return new ApolloClient({
    // Same origin: the session cookie goes along; CSRF protection rests on the JSON content type.
    link: new HttpLink({ uri: '/graphql', credentials: 'same-origin' }),
    cache: new InMemoryCache({
      possibleTypes: introspection.possibleTypes,
      // Types without an id that mutations answer with: keyed, so the answer replaces what the page shows.
      typePolicies: { RoundRoom: { keyFields: ['roundId'] }, NotificationPreference: { keyFields: ['kind'] } },
    }),
  });
}

/** One client, one cache for the whole tab: every part of the page that waits for Apollo gets this one. */
export const apolloClient = createApolloClient();
