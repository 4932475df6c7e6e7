// Complete the namespaces of tsup's bundled declarations (`ledger`, `assets`, ...).
//
// For `export * as ledger from ...`, the bundler (rollup-plugin-dts, inside
// tsup) re-declares each member as `ledger_X`, but keeps one kind per name: of
// a codec and its type (`export const PostVoucherInput = ...` and `export type
// PostVoucherInput = ...`) only the declaration written last survives, so
// `ledger.PostVoucherInput` is a type without a value, or `ledger.AccountCode`
// a value without a type. This adds the missing half wherever the bundle
// declares both at the top level.
import { readFileSync, writeFileSync } from 'node:fs';

const files = ['dist/index.d.ts', 'dist/index.d.cts'];
const TOP_TYPE = /^(?:type|interface) ([\w$]+)\b/gm;
const TOP_VALUE = /^declare (?:const|function|class|enum) ([\w$]+)\b/gm;
const TYPE_ONLY = /^type ([\w$]+) = ([\w$]+);$/gm;
const VALUE_ONLY = /^declare const ([\w$]+): typeof ([\w$]+);$/gm;

const namesOf = (text, pattern) => new Set([...text.matchAll(pattern)].map((m) => m[1]));

const complete = (text) => {
  const types = namesOf(text, TOP_TYPE);
  const values = namesOf(text, TOP_VALUE);
  const member = (alias, name) => alias.endsWith(`_${name}`);
  const valueAdded = new Set();
  const withValues = text.replace(TYPE_ONLY, (line, alias, name) => {
    if (!member(alias, name) || !values.has(name) || values.has(alias)) return line;
    valueAdded.add(alias);
    return `${line}\ndeclare const ${alias}: typeof ${name};`;
  });
  const withTypes = withValues.replace(VALUE_ONLY, (line, alias, name) =>
    !member(alias, name) || !types.has(name) || types.has(alias) ? line : `type ${alias} = ${name};\n${line}`,
  );
  // The namespace's export list marks a member that was a type only as `type`.
  return withTypes.replace(/\btype ([\w$]+) as ([\w$]+)\b/g, (whole, alias, name) => (valueAdded.has(alias) ? `${alias} as ${name}` : whole));
};

for (const file of files) writeFileSync(file, complete(readFileSync(file, 'utf8')));
