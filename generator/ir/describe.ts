import type { TypeRef } from './types.js';

/** A type in one short line (`string[]`, `enum(a|b)`, `UserDto`), for messages and comparisons. */
export function describeType(t: TypeRef): string {
  switch (t.kind) {
    case 'array':
      return `${describeType(t.items)}[]`;
    case 'ref':
      return t.name;
    case 'enum':
      return `enum(${t.values.map((v) => String(v.value)).join('|')})`;
    case 'literal':
      return JSON.stringify(t.value);
    case 'object':
      return 'object';
    case 'map':
      return `map<${describeType(t.values)}>`;
    case 'union':
      return t.variants.map(describeType).join(' | ');
    default:
      return t.kind;
  }
}
