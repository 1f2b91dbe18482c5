// The web workers of GraphiQL's Monaco editor (GraphQL validation and completion, JSON, the
// editor core), bundled by Vite as files of their own: the server's CSP allows workers from
// 'self' only.
//
// GraphiQL ships the same set-up as `graphiql/setup-workers/vite`, but that module sits in
// node_modules, where Vite's dev server pre-bundles it with a tool that cannot follow `?worker`
// imports: `npm run dev` then fails. From the app's own source the imports work in both the
// dev server and the build.
import type {} from 'monaco-editor'; // declares window.MonacoEnvironment
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker';
import JsonWorker from 'monaco-editor/esm/vs/language/json/json.worker.js?worker';
import GraphQLWorker from './graphqlWorker?worker';

window.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    switch (label) {
      case 'graphql':
        return new GraphQLWorker();
      case 'json':
        return new JsonWorker();
      default:
        return new EditorWorker();
    }
  },
};
