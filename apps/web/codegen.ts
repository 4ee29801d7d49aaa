import type { CodegenConfig } from '@graphql-codegen/cli';

/** Types and typed documents from the committed schema, never from a running server. */
const config: CodegenConfig = {
  schema: '../api/schema.gql',
  documents: ['src/**/*.graphql'],
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { DateTime: 'string' } },
    },
    // Apollo's cache matches fragments on interfaces only with the implementing types spelled out.
    'src/gql/possible-types.ts': { plugins: ['fragment-matcher'], config: { apolloClientVersion: 3, useExplicitTyping: true } },
  },
  ignoreNoDocuments: false,
  // One module per document, so that each page's chunk carries only its own documents.
  hooks: { afterAllFileWrite: ['node tools/split-documents.mjs src/gql/graphql.ts'] },
};

export default config;
