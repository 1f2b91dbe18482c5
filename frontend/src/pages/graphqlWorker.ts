// The entry of Monaco's GraphQL worker. It lives in the app's source, not in node_modules, so
// that the dev server runs it through its dependency pre-bundling like the rest of the app:
// the worker's dependencies include CommonJS modules (nullthrows) that a browser cannot load
// unbundled. A production build bundles it either way.
import 'monaco-graphql/esm/graphql.worker.js';
