// The operations this client may send, each with the SHA-256 hash it is sent by.
//
// The server keeps a manifest of trusted operations (`make generate` writes it from
// operations.graphql); persisted.json, next to operations.graphql, holds each operation's hash
// and text as the manifest has them. An app token runs only those: the client sends the hash,
// never the text. Without persisted.json (a server without the manifest), the hash is that of
// the text below, and the text follows once when the server does not know the hash yet
// (automatic persisted queries).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

export interface Operation {
  name: string;
  /** The whole document: the operation and the fragments it uses. */
  document: string;
  /** Hex SHA-256 of `document`. */
  sha256Hash: string;
}

const here = new URL('..', import.meta.url); // examples/mobile-client/ (this file runs from dist/)

/** Reads operations.graphql, and persisted.json where it exists (its entries win). */
export function loadOperations(dir: URL = here): Map<string, Operation> {
  const ops = parseOperations(readFileSync(new URL('operations.graphql', dir), 'utf8'));
  const manifest = new URL('persisted.json', dir);
  if (existsSync(manifest)) {
    const { operations } = JSON.parse(readFileSync(manifest, 'utf8')) as {
      operations: Record<string, { sha256Hash: string; document: string }>;
    };
    for (const [name, { sha256Hash, document }] of Object.entries(operations)) {
      ops.set(name, { name, document, sha256Hash });
    }
  }
  return ops;
}

/**
 * Splits a GraphQL file into its operations, each with the fragments it uses (directly or
 * through other fragments), in the file's order. A small scanner instead of a GraphQL parser:
 * enough for a file of named operations and fragments without string literals.
 */
export function parseOperations(source: string): Map<string, Operation> {
  const text = source.replace(/#[^\n]*/g, ''); // comments
  const definitions: { kind: string; name: string; text: string }[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (depth === 0 && start < 0 && /\S/.test(ch ?? '')) start = i;
    if (ch === '{') depth++;
    if (ch === '}' && --depth === 0) {
      const body = text.slice(start, i + 1).trim();
      const head = /^(query|mutation|subscription|fragment)\s+([_A-Za-z]\w*)/.exec(body);
      if (!head?.[1] || !head[2]) throw new Error(`operations.graphql: an anonymous definition: ${body.slice(0, 40)}...`);
      definitions.push({ kind: head[1], name: head[2], text: body });
      start = -1;
    }
  }
  const fragments = new Map(definitions.filter((d) => d.kind === 'fragment').map((d) => [d.name, d]));
  const ops = new Map<string, Operation>();
  for (const op of definitions.filter((d) => d.kind !== 'fragment')) {
    const used = new Set<string>();
    const visit = (body: string) => {
      for (const [, name] of body.matchAll(/\.\.\.\s*([_A-Za-z]\w*)/g)) {
        const fragment = name && name !== 'on' ? fragments.get(name) : undefined;
        if (name && name !== 'on' && !fragment) throw new Error(`operations.graphql: ${op.name} uses an unknown fragment ${name}`);
        if (fragment && !used.has(fragment.name)) {
          used.add(fragment.name);
          visit(fragment.text);
        }
      }
    };
    visit(op.text);
    const parts = [op.text, ...definitions.filter((d) => used.has(d.name)).map((d) => d.text)];
    const document = parts.join('\n\n');
    ops.set(op.name, { name: op.name, document, sha256Hash: createHash('sha256').update(document).digest('hex') });
  }
  return ops;
}
