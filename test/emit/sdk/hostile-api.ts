// An IR built the way documents people edit can make it: descriptions that try to close
// comments and strings, names that are reserved words, hyphenated, digit-led or __proto__,
// names that collide after casing, a method and a client named like paths.
import type { Api, Field, Method, Parameter, SourceLocation, TypeRef } from '../../../generator/ir/types.js';

const at: SourceLocation = { file: 'hostile.md', line: 1, column: 1 };

/** Every description tries something: close the JSDoc, break out of a string or template, close a script tag. */
export const EVIL = [
  '*/ export const pwned = 1; /*',
  'back`tick ${process.exit(1)} `',
  "quote ' \" \\ end",
  '</script><script>alert(1)</script>',
  '@param evil - injected tag\n@returns nothing */',
  'line\u2028separator',
].join(' | ');

/** Wire names that are not identifiers, or that every object inherits. */
export const HOSTILE_NAMES = ['class', 'default', '__proto__', 'user-id', '2fa', 'constructor', 'toString', 'user_id', 'userId'];

const field = (name: string, type: TypeRef, required = false): Field => ({ name, type, required, description: `${name}: ${EVIL}`, source: at });
const param = (name: string, type: TypeRef, where: Parameter['in'], required = false): Parameter => ({ ...field(name, type, required), in: where });

function method(client: string, words: string[], verb: 'GET' | 'POST', parameters: Parameter[], response: TypeRef, path = `/api/v3/${words.join('-')}`): Method {
  return {
    words,
    id: words.join('_'),
    client,
    title: `title ${EVIL}`,
    description: `description ${EVIL}`,
    http: { verb, path, verbOrigin: { kind: 'rule', rule: 'test', source: at }, pathOrigin: { kind: 'rule', rule: 'test', source: at } },
    parameters,
    response: { type: response, description: EVIL, source: at },
    docs: [{ file: `docs/*/ ${EVIL}.md` }],
    source: at,
  };
}

const str: TypeRef = { kind: 'string' };

export function hostileApi(): Api {
  const types = [
    { name: 'Hostile', description: EVIL, type: { kind: 'object', fields: HOSTILE_NAMES.map((n) => field(n, str, n === 'class')).concat([field('*/', { kind: 'integer' }), field("it's \"odd\"", { kind: 'enum', base: 'string', values: [{ value: "it's", source: at }, { value: '`${x}`', source: at }, { value: '*/', source: at }] })]) } },
    // collide after casing / sanitising: UserDto, userDto (from user-dto) ×2, UserDTO (same file name on macOS)
    { name: 'UserDto', type: { kind: 'object', fields: [field('a', str, true)] } },
    { name: 'user-dto', type: { kind: 'object', fields: [field('b', str, true)] } },
    { name: 'userDto', type: { kind: 'object', fields: [field('c', str, true)] } },
    { name: 'UserDTO', type: { kind: 'object', fields: [field('d', str, true)] } },
    // names of globals and runtime exports
    { name: 'Record', type: { kind: 'object', fields: [field('r', str)] } },
    { name: 'ApiError', type: { kind: 'object', fields: [field('e', str)] } },
    { name: 'class', type: { kind: 'enum', base: 'integer', values: [{ value: 1, source: at }, { value: -2, source: at }] } },
    // recursion: self, mutual, through a map and a nullable union
    { name: 'TreeNode', type: { kind: 'object', fields: [field('children', { kind: 'array', items: { kind: 'ref', name: 'TreeNode' } }, true), field('meta', { kind: 'ref', name: 'Meta' })] } },
    { name: 'Meta', type: { kind: 'object', fields: [field('owner', { kind: 'union', variants: [{ kind: 'ref', name: 'TreeNode' }, { kind: 'null' }] }, true), field('tags', { kind: 'map', values: { kind: 'ref', name: 'Meta' } })] } },
    { name: 'Cat', type: { kind: 'object', fields: [field('kind', { kind: 'literal', value: 'cat' }, true), field('lives', { kind: 'integer' }, true)] } },
    { name: 'Dog', type: { kind: 'object', fields: [field('kind', { kind: 'literal', value: 'dog' }, true), field('good', { kind: 'boolean' }, true)] } },
    {
      name: 'Pet',
      type: { kind: 'union', variants: [{ kind: 'ref', name: 'Cat' }, { kind: 'ref', name: 'Dog' }], discriminator: { property: 'kind', mapping: [{ value: 'cat', type: 'Cat' }, { value: 'dog', type: 'Dog' }] } },
    },
    // a discriminator the variants cannot carry (one is an array): stays a plain union
    { name: 'Cats', type: { kind: 'array', items: { kind: 'ref', name: 'Cat' } } },
    { name: 'Mixed', type: { kind: 'union', variants: [{ kind: 'ref', name: 'Cat' }, { kind: 'ref', name: 'Cats' }], discriminator: { property: 'kind', mapping: [{ value: 'cat', type: 'Cat' }] } } },
    { name: 'Loose', type: { kind: 'object', open: true, fields: [field('known', str, true)] } },
    { name: 'Anything', type: { kind: 'object', fields: [], open: true } },
  ] as Api['types'];
  const hostileQuery = HOSTILE_NAMES.map((n) => param(n, str, 'query'));
  const hostileBody = HOSTILE_NAMES.map((n) => param(n, n === 'default' ? { kind: 'integer' } : str, 'body'));
  const ref = (name: string): TypeRef => ({ kind: 'ref', name });
  return {
    irVersion: 1,
    origin: 'docs',
    clients: [
      {
        name: 'ManagementClient',
        methods: [
          method('ManagementClient', ['list', 'hostile'], 'GET', hostileQuery, ref('Hostile')),
          method('ManagementClient', ['create', 'hostile'], 'POST', [...hostileBody, param('pet', ref('Pet'), 'body'), param('tree', ref('TreeNode'), 'body')], ref('Pet')),
          method('ManagementClient', ['../../x'], 'GET', [param('2fa', { kind: 'boolean' }, 'query', true)], ref('UserDto')),
          // an inline response type: its schema is a zod expression in the client module
          method('ManagementClient', ['list', 'pets'], 'GET', [], { kind: 'array', items: { kind: 'object', fields: [field('pet', ref('Pet'), true)] } }),
          // same words after casing: list_hostile exists; `List-Hostile` page names give list, hostile again in another client
          method('ManagementClient', ['get', 'item'], 'GET', [param('id', str, 'path', true), { ...param('page', { kind: 'integer' }, 'query'), default: 1 }, { ...param('limit', { kind: 'integer' }, 'query'), default: '10' }], ref('class'), '/api/v3/items/{id}'),
        ],
      },
      { name: '../../evil', methods: [method('../../evil', ['list', 'hostile'], 'POST', [param('class', str, 'body', true)], ref('Loose'))] },
    ],
    types,
  };
}
