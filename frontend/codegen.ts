// Typed GraphQL operations for the SPA, generated from the server's contract
// (../schema.graphql, the root, and its parts in ../schema/) and the `graphql(...)` calls in src/. The output in src/gql/ is
// committed; `make check-generated` fails when it is stale, so the output must depend on
// nothing but those inputs (no timestamps, no network).
import { createHash } from 'node:crypto';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { Kind, visit, type DocumentNode, type SelectionSetNode } from 'graphql';

const config: CodegenConfig = {
  schema: ['../schema.graphql', '../schema/*.graphql'],
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    './src/gql/': {
      preset: 'client',
      // The persisted text must be what the client would send: urql's document cache adds
      // __typename to every selection set below the root (it invalidates cached queries by
      // the types a mutation returns), so the documents carry it from the start.
      documentTransforms: [{ transform: ({ documents }) => documents.map((d) => ({ ...d, document: d.document && withTypenames(d.document) })) }],
      presetConfig: {
        // Components read the fields they select directly; fragment masking would add
        // ceremony without benefit at this size.
        fragmentMasking: false,
        // Trusted operations: src/gql/persisted-documents.json maps each operation's hash to
        // its text (with the fragments it uses), and every document carries its hash in
        // __meta__.hash, which the client sends instead of the text (src/graphql/client.ts).
        // `make generate` puts these into the server's manifest (graph/persisted). The hash is
        // the plain hex SHA-256 of the text, as automatic persisted queries have it (the
        // preset's own 'sha256' would prefix it with "sha256:").
        persistedDocuments: {
          mode: 'embedHashInDocument',
          hashAlgorithm: (text: string) => createHash('sha256').update(text).digest('hex'),
        },
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

/**
 * The document with `__typename` selected in every selection set that does not select it yet,
 * except an operation's root: where urql's formatDocument adds it, so that it adds nothing.
 */
function withTypenames(document: DocumentNode): DocumentNode {
  return visit(document, {
    SelectionSet(set: SelectionSetNode, _key, parent) {
      const root = parent !== undefined && !Array.isArray(parent) && 'kind' in parent && parent.kind === Kind.OPERATION_DEFINITION;
      if (root || set.selections.some((s) => s.kind === Kind.FIELD && s.name.value === '__typename' && !s.alias)) return undefined;
      return { ...set, selections: [...set.selections, { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } }] };
    },
  });
}
