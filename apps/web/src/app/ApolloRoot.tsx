import type { ApolloClient } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { createContext, useContext, type ReactNode } from 'react';
import { apolloClient } from './apollo';

/** The server's render of a page uses a client of its own for each request (prerender.tsx). */
export const RequestClient = createContext<ApolloClient | undefined>(undefined);

export default function ApolloRoot({ children }: { children: ReactNode }) {
  return <ApolloProvider client={useContext(RequestClient) ?? apolloClient}>{children}</ApolloProvider>;
}
