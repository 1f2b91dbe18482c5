#!/usr/bin/env bash
# check-schema.sh RELEASED CURRENT: fails when CURRENT (a printed schema, .graphql) would break
# a client written against RELEASED, the schema of the last release (release/schema.graphql).
# `make check-schema` (part of `make test`) runs it on the schema the code prints, and
# scripts/check-schema.test.mjs on variants of it. The policy it enforces is README.md's
# "Schema changes and deprecation": breaking is what graphql-inspector calls breaking, except
# removing what RELEASED had deprecated (scripts/schema-rules.cjs says exactly what).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
inspector=${GRAPHQL_INSPECTOR:-$root/frontend/node_modules/.bin/graphql-inspector}

if [ $# -ne 2 ]; then
  echo "usage: $0 RELEASED.graphql CURRENT.graphql" >&2
  exit 2
fi
for f in "$1" "$2"; do
  case "$f" in *.graphql) ;; *) echo "check-schema: $f: the schema files must end in .graphql" >&2; exit 2 ;; esac
  [ -s "$f" ] || { echo "check-schema: $f is missing or empty" >&2; exit 2; }
done
if [ ! -x "$inspector" ]; then
  echo "check-schema: FAILED: graphql-inspector is not installed ($inspector)." >&2
  echo "It is a devDependency of frontend/: run 'cd frontend && npm ci' (make does it)." >&2
  exit 2
fi

out=$(mktemp)
trap 'rm -f "$out"' EXIT
status=0
NO_COLOR=1 "$inspector" diff "$1" "$2" \
  --rule suppressRemovalOfDeprecatedField --rule "$root/scripts/schema-rules.cjs" >"$out" 2>&1 || status=$?

# The tool marks breaking changes with ✖, dangerous ones with ⚠ and the others with ✔.
breaking=$(sed -n 's/^\(\[log\] \)\{0,1\}✖ *//p' "$out")
dangerous=$(sed -n 's/^\(\[log\] \)\{0,1\}⚠ *//p' "$out")
others=$(grep -c '✔' "$out" || true)

if [ "$status" -eq 0 ] && [ -z "$breaking" ]; then
  if [ "$others" -eq 0 ] && [ -z "$dangerous" ]; then
    echo "schema check: the schema is the same as $1"
    exit 0
  fi
  echo "schema check: no breaking change from $1 ($others safe changes)"
  if [ -n "$dangerous" ]; then
    echo "allowed, but check that clients cope (deprecated parts removed, new enum values, new defaults):"
    sed 's/^/  ⚠ /' <<<"$dangerous"
  fi
  exit 0
fi
if [ -z "$breaking" ]; then
  cat "$out" >&2
  echo "check-schema: FAILED: graphql-inspector did not run to the end (exit status $status; output above)." >&2
  exit 2
fi
{
  echo "check-schema: FAILED: the schema breaks clients written against $1:"
  sed 's/^/  ✖ /' <<<"$breaking"
  echo "A field, argument or enum value goes away only after a release that marked it"
  echo "@deprecated(reason: \"... use X instead\"); a change of type is a new field and the"
  echo "deprecation of the old one. See \"Schema changes and deprecation\" in README.md."
} >&2
exit 1
