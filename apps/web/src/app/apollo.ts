import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import introspection from '../gql/possible-types';

// Same origin: the session cookie goes along; CSRF protection rests on the JSON content type.
export function createApolloClient(link: ApolloLink = new HttpLink({ uri: '/graphql', credentials: 'same-origin' })) {
  return new ApolloClient({
    link,
    cache: new InMemoryCache({ possibleTypes: introspection.possibleTypes }),
  });
}
