// Atbalsts' own graphql-inspector diff rule, run after the tool's
// suppressRemovalOfDeprecatedField (scripts/check-schema.sh passes both). That rule lets a
// field, input field or enum value that the released schema deprecated be removed, and
// treats every removed type as not breaking on its own (what led to the type, a field, an
// argument, a union member, is judged by itself). Two things it leaves out, set right here:
//
// - the removal of an argument the released schema deprecated is allowed, like a field's;
// - the removal of an object type that implemented an interface the current schema still has
//   is breaking (clients may select it with `... on Type` under that interface, `node(id:)`
//   for Node), unless the released schema deprecated every field of the type.
//
// A rule gets {changes, oldSchema, newSchema} (graphql-js schemas) and returns the changes;
// it needs nothing but their methods, so it runs from outside frontend/node_modules.
'use strict';

const BREAKING = 'BREAKING';
const DANGEROUS = 'DANGEROUS';

const deprecated = x => x != null && (x.deprecationReason != null || x.isDeprecated === true);

module.exports = function atbalstsSchemaRules({ changes, oldSchema, newSchema }) {
  return changes.map(change => {
    const level = change.criticality.level;
    const path = (change.path || '').split('.');
    if (change.type === 'FIELD_ARGUMENT_REMOVED' && level === BREAKING) {
      const [typeName, fieldName, argName] = path;
      const type = oldSchema.getType(typeName);
      const field = type && typeof type.getFields === 'function' ? type.getFields()[fieldName] : null;
      const arg = field && field.args ? field.args.find(a => a.name === argName) : null;
      if (deprecated(arg)) {
        return { ...change, criticality: { ...change.criticality, level: DANGEROUS } };
      }
    }
    if (change.type === 'TYPE_REMOVED' && level !== BREAKING) {
      const type = oldSchema.getType(path[0]);
      if (type && typeof type.getInterfaces === 'function' && !newSchema.getType(path[0])) {
        const interfaces = type.getInterfaces().filter(i => newSchema.getType(i.name));
        const fields = Object.values(type.getFields());
        if (interfaces.length > 0 && !fields.every(deprecated)) {
          return {
            ...change,
            message: `${change.message}, though it implemented ${interfaces.map(i => i.name).join(', ')} (still in the schema) and not all its fields were deprecated`,
            criticality: { ...change.criticality, level: BREAKING },
          };
        }
      }
    }
    return change;
  });
};
