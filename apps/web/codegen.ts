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
  },
  ignoreNoDocuments: false,
};

export default config;
