// Typed GraphQL operations for the SPA, generated from the server's contract
// (../schema.graphql, the root, and its parts in ../schema/) and the `graphql(...)` calls in src/. The output in src/gql/ is
// committed; `make check-generated` fails when it is stale, so the output must depend on
// nothing but those inputs (no timestamps, no network).
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: ['../schema.graphql', '../schema/*.graphql'],
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: {
        // Components read the fields they select directly; fragment masking would add
        // ceremony without benefit at this size.
        fragmentMasking: false,
      },
      config: {
        // Union types instead of TS enums: erasable syntax, nothing emitted at run time.
        enumsAsTypes: true,
        useTypeImports: true,
        // The custom scalars travel as strings: Date is yyyy-mm-dd, Money a decimal string
        // (never parsed into a float), Time RFC 3339 (formatted by src/lib/format.ts).
        scalars: {
          Date: 'string',
          Money: 'string',
          Time: 'string',
        },
        skipTypename: false,
      },
    },
  },
};

export default config;
