// In the production build, replaces every `graphql(`...`)` call with the generated document it
// returns, imported by name from src/gql/graphql.ts. The client preset's graphql() looks
// documents up in one map of them all, so every page's queries would otherwise be in the first
// chunk the browser loads; named imports go into the chunk of the page that uses them. This is
// what the codegen documentation recommends its babel plugin for (the project has no babel).
// Tests and the dev server keep calling graphql(): the lookup behaves the same.
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

// A call with one template literal and no interpolation: the only form the client preset
// accepts (codegen reads the documents statically).
const call = /\bgraphql\(\s*`((?:[^`$]|\$(?!\{))*)`\s*\)/g;
const definition = /\b(query|mutation|subscription|fragment)\s+([A-Za-z_]\w*)/;

export function gqlDocuments(): Plugin {
  let generated = '';
  return {
    name: 'atbalsts-gql-documents',
    apply: 'build',
    enforce: 'pre',
    configResolved(config) {
      generated = resolve(config.root, 'src/gql/graphql.ts');
    },
    transform(code, id) {
      if (!/\.tsx?$/.test(id) || id.includes('/node_modules/') || id.includes('/src/gql/') || !code.includes('graphql(')) {
        return null;
      }
      const imports = new Map<string, string>();
      const out = code.replace(call, (whole, body: string) => {
        const found = definition.exec(body);
        if (!found) this.error(`${id}: no named operation or fragment in ${whole.slice(0, 80)}`);
        const [, kind, name] = found;
        // The names codegen gives: FooDocument for an operation, FooFragmentDoc for a fragment.
        const exported = kind === 'fragment' ? `${name}FragmentDoc` : `${name}Document`;
        const local = `__gql_${exported}`;
        imports.set(local, exported);
        return local;
      });
      if (imports.size === 0) return null;
      const specifiers = [...imports].map(([local, exported]) => `${exported} as ${local}`).join(', ');
      return { code: `import { ${specifiers} } from ${JSON.stringify(generated)};\n${out}`, map: null };
    },
  };
}
