// The schema check (scripts/check-schema.sh, which `make check-schema` runs on the schema the
// code prints) judged on variants of the current schema: a "released" and a "current" file
// each, built in a temporary directory. Breaking changes must fail with their names and the
// pointer to the policy; additive changes, and the removal of what the release deprecated, pass.
// `make test-schema-check`; `node --test scripts/check-schema.test.mjs` from the repository.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { parse, print, visit, Kind } = createRequire(path.join(root, 'frontend/package.json'))('graphql');
const checkScript = path.join(root, 'scripts/check-schema.sh');

let dir;
let base; // the current schema's document
let n = 0;

before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'schema-check-'));
  const sdl = execFileSync(process.env.GO || 'go', ['run', './cmd/atbalsts', 'schema'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  base = parse(sdl);
});
after(() => rmSync(dir, { recursive: true, force: true }));

// Runs the check on two documents; resolves to {code, output}.
function check(released, current, env = {}) {
  const files = [released, current].map(doc => {
    const file = path.join(dir, `schema-${++n}.graphql`);
    writeFileSync(file, print(doc));
    return file;
  });
  return new Promise(resolve => {
    execFile(checkScript, files, { env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? error.code : 0, output: stdout + stderr });
    });
  });
}

async function assertPasses(released, current) {
  const { code, output } = await check(released, current);
  assert.equal(code, 0, `expected the check to pass:\n${output}`);
  assert.match(output, /no breaking change/);
  return output;
}

async function assertBreaks(released, current, ...names) {
  const { code, output } = await check(released, current);
  assert.equal(code, 1, `expected the check to fail on a breaking change:\n${output}`);
  assert.match(output, /FAILED: the schema breaks clients/);
  assert.match(output, /Schema changes and deprecation" in README\.md/);
  for (const name of names) assert.ok(output.includes(name), `the failure should name ${name}:\n${output}`);
  return output;
}

// Edits a copy of the document: edits maps a definition's name to a function of its node
// returning the new node (null removes it).
function edit(doc, edits) {
  return visit(doc, {
    enter(node) {
      if (node.name && edits[node.name.value] && isDefinition(node)) return edits[node.name.value](node);
      return undefined;
    },
  });
}
const isDefinition = node =>
  [Kind.OBJECT_TYPE_DEFINITION, Kind.INTERFACE_TYPE_DEFINITION, Kind.ENUM_TYPE_DEFINITION,
    Kind.INPUT_OBJECT_TYPE_DEFINITION, Kind.UNION_TYPE_DEFINITION, Kind.SCALAR_TYPE_DEFINITION].includes(node.kind);

const deprecatedDirective = {
  kind: Kind.DIRECTIVE,
  name: { kind: Kind.NAME, value: 'deprecated' },
  arguments: [{
    kind: Kind.ARGUMENT,
    name: { kind: Kind.NAME, value: 'reason' },
    value: { kind: Kind.STRING, value: 'Use something else.' },
  }],
};
const deprecate = node => ({ ...node, directives: [...(node.directives ?? []), deprecatedDirective] });
const isDeprecated = node => (node.directives ?? []).some(d => d.name.value === 'deprecated');
const namedType = type => (type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type));
const withFields = fn => node => ({ ...node, fields: fn(node.fields) });
const definitions = kind => base.definitions.filter(d => d.kind === kind);

// The schema's own parts the variants change, found rather than named, so that the test
// follows the schema as it grows: an object type that implements no interface, with a field
// of type String and at least two fields; an enum of at least two values; a field of Query
// with a nullable argument.
function target() {
  const object = definitions(Kind.OBJECT_TYPE_DEFINITION).find(d =>
    !['Query', 'Mutation', 'Subscription'].includes(d.name.value) &&
    (d.interfaces ?? []).length === 0 && d.fields.length >= 2 &&
    d.fields.some(f => namedType(f.type) === 'String' && !isDeprecated(f)));
  assert.ok(object, 'the schema has no object type the test can change');
  const field = object.fields.find(f => namedType(f.type) === 'String' && !isDeprecated(f));
  const enumType = definitions(Kind.ENUM_TYPE_DEFINITION).find(d => d.values.length >= 2);
  assert.ok(enumType, 'the schema has no enum the test can change');
  const query = definitions(Kind.OBJECT_TYPE_DEFINITION).find(d => d.name.value === 'Query');
  const withArg = query.fields.find(f => (f.arguments ?? []).some(a => a.type.kind !== Kind.NON_NULL_TYPE));
  assert.ok(withArg, 'Query has no field with a nullable argument');
  const arg = withArg.arguments.find(a => a.type.kind !== Kind.NON_NULL_TYPE);
  return { object: object.name.value, field: field.name.value, enumType: enumType.name.value,
    enumValue: enumType.values.at(-1).name.value, queryField: withArg.name.value, arg: arg.name.value };
}

const withoutField = t => withFields(fields => fields.filter(f => f.name.value !== t.field));

// Each check starts graphql-inspector (about 1.5 s of CPU): two at a time.
describe('scripts/check-schema.sh', { concurrency: 2 }, () => {
  test('adding a type, a field and an enum value passes (the enum value listed as dangerous)', async () => {
    const t = target();
    const more = edit(base, { [t.enumType]: node => ({ ...node, values: [...node.values,
      { kind: Kind.ENUM_VALUE_DEFINITION, name: { kind: Kind.NAME, value: 'SCHEMA_CHECK_PROBE' } }] }) });
    const current = parse(`${print(more)}\ntype SchemaCheckProbe { name: String }\n` +
      'extend type Query { schemaCheckProbe: SchemaCheckProbe }');
    const output = await assertPasses(base, current);
    assert.match(output, /⚠.*SCHEMA_CHECK_PROBE/);
  });

  test('removing a field that was not deprecated fails', async () => {
    const t = target();
    await assertBreaks(base, edit(base, { [t.object]: withoutField(t) }), t.field, t.object);
  });

  test("changing a field's type incompatibly fails", async () => {
    const t = target();
    const toInt = withFields(fields => fields.map(f => (f.name.value !== t.field ? f : visit(f, {
      NamedType: node => ({ ...node, name: { ...node.name, value: 'Int' } }),
    }))));
    const output = await assertBreaks(base, edit(base, { [t.object]: toInt }), `${t.object}.${t.field}`);
    assert.match(output, /changed type/);
  });

  test('removing a field that the release deprecated passes', async () => {
    const t = target();
    const released = edit(base, { [t.object]: withFields(fields =>
      fields.map(f => (f.name.value === t.field ? deprecate(f) : f))) });
    const output = await assertPasses(released, edit(base, { [t.object]: withoutField(t) }));
    assert.ok(output.includes(t.field), `the removal should still be listed as a warning:\n${output}`);
  });

  test('removing an enum value fails, unless the release deprecated it', async () => {
    const t = target();
    const without = edit(base, { [t.enumType]: node =>
      ({ ...node, values: node.values.filter(v => v.name.value !== t.enumValue) }) });
    const deprecatedFirst = edit(base, { [t.enumType]: node =>
      ({ ...node, values: node.values.map(v => (v.name.value === t.enumValue ? deprecate(v) : v)) }) });
    await assertBreaks(base, without, t.enumValue);
    await assertPasses(deprecatedFirst, without);
  });

  test('removing an argument fails, unless the release deprecated it', async () => {
    const t = target();
    const args = fn => ({ Query: withFields(fields => fields.map(f =>
      (f.name.value === t.queryField ? { ...f, arguments: fn(f.arguments) } : f))) });
    const without = edit(base, args(as => as.filter(a => a.name.value !== t.arg)));
    const deprecatedFirst = edit(base, args(as => as.map(a => (a.name.value === t.arg ? deprecate(a) : a))));
    await assertBreaks(base, without, `Query.${t.queryField}`, t.arg);
    await assertPasses(deprecatedFirst, without);
  });

  test('removing a type that clients reach through an interface fails, unless all its fields were deprecated', async () => {
    const node = definitions(Kind.INTERFACE_TYPE_DEFINITION)[0];
    assert.ok(node, 'the schema has no interface');
    const fields = node.fields.map(f => `${f.name.value}: ${print(f.type)}`);
    const probe = deprecated => parse(`${print(base)}\ntype SchemaCheckProbe implements ${node.name.value} {\n` +
      fields.map(f => `  ${f}${deprecated ? ' @deprecated(reason: "Gone.")' : ''}\n`).join('') + '}');
    await assertBreaks(probe(false), base, 'SchemaCheckProbe', node.name.value);
    await assertPasses(probe(true), base);
  });

  test('a check without graphql-inspector fails loudly', async () => {
    const { code, output } = await check(base, base, { GRAPHQL_INSPECTOR: path.join(dir, 'missing') });
    assert.equal(code, 2);
    assert.match(output, /FAILED: graphql-inspector is not installed/);
  });
});
