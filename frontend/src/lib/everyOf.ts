// Lists of a schema enum's values kept in the SPA (for selects, in the order offered), checked
// at compile time against the generated union type, so that a change of the schema breaks
// \`tsc\` instead of a form.

/** What a list lacks of the union U: never when it names every member. */
type Missing<U, L extends readonly unknown[]> = Exclude<U, L[number]>;

/**
 * The list as given, accepted only if it names every member of U and nothing else:
 * `everyOf<Sex>()(['FEMALE', 'MALE'])`. A list that misses a member fails to compile with
 * `{ missing: ... }` naming it; one with a value U does not have fails as any wrong literal.
 */
export function everyOf<U extends string>() {
  return <const L extends readonly U[]>(list: L & ([Missing<U, L>] extends [never] ? unknown : { missing: Missing<U, L> })): L => list;
}
