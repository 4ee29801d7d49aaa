import 'graphiql/graphiql.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

/**
 * The development GraphQL explorer, bundled with the app so that it works offline (Mercurius's GraphiQL
 * loads from a CDN). The API serves it at /graphiql outside production only.
 */
const fetcher = createGraphiQLFetcher({ url: '/graphql' });

createRoot(document.getElementById('explorer')!).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} defaultQuery={'{\n  municipality(ags: "14729") {\n    name\n    kind\n  }\n}\n'} />
  </StrictMode>,
);
