import type { Heading, PhrasingContent, Root, RootContent, Table, TableRow } from 'mdast';
import type { Diagnostic } from '../../diagnostics/types.js';
import type { Api, Field, JsonValue, Method, NamedType, TypeRef } from '../../ir/types.js';
import { directRefs, methodTypes, reachableTypes } from '../../ir/walk.js';
import { parameterKeys } from '../../naming/members.js';
import { cell, constraintParts, constraintsCell, isAnchorName, nameCell, proseCell, typeCell, typeLink, valueCell, type TypeLinker } from './cells.js';
import { trusted } from './inert.js';
import { relativeLink, type PagePlace } from './layout.js';
import { proseBlocks, titleContent } from './prose.js';
import { fitsType, placeholder } from './sample-values.js';
import { buildSnippet } from './snippet.js';
import { parameterTableMarkdown } from './markdown.js';
import { formatRequestLine } from '../../formats/request-line.js';
import type { ParameterPlacement } from '../../formats/parameter-rows.js';
import type { ColumnKey, DocsTemplate } from './templates.js';

export interface MethodPageInput {
  api: Api;
  method: Method;
  types: ReadonlyMap<string, NamedType>;
  className: string;
  memberName: string;
  packageName: string;
  template: DocsTemplate;
  /** Named types no method reaches but that were defined on this method's page: kept there. */
  strayTypes?: readonly NamedType[];
  /**
   * The linked layout: this page's file and every data structure's own page. The page then
   * shows only the structures its own tables name (one level) and links to the others.
   */
  linked?: { file: string; typePages: ReadonlyMap<string, PagePlace> };
}

/**
 * Type cells of a page in the linked layout: an anchor for a structure shown on the page, else
 * a link to the structure's own page.
 */
export function pageLinker(file: string, typePages: ReadonlyMap<string, PagePlace>, onPage: ReadonlySet<string>): TypeLinker {
  return (name) => {
    if (onPage.has(name) && isAnchorName(name)) return typeLink(name);
    const place = typePages.get(name);
    return place ? [{ type: 'link', url: relativeLink(file, place.file), children: [text(name)] }] : nameCell(name);
  };
}

const heading = (depth: 1 | 2 | 3, children: PhrasingContent[]): Heading => ({ type: 'heading', depth, children });
const text = (value: string): PhrasingContent => ({ type: 'text', value });
/** `Type: ` but `类型：` (a full-width colon carries its own space). */
const labelled = (label: string): string => (/[\uff1a\u3000]$/.test(label) ? label : `${label} `);

function headerCell(template: DocsTemplate, key: ColumnKey): PhrasingContent[] {
  const c = template.columns[key];
  return c.width ? [{ type: 'html', value: `<div style="width:${c.width}px">` }, text(c.label), { type: 'html', value: '</div>' }] : [text(c.label)];
}

/** Lists an enum's values in the description unless it already names them all. */
function describedEnum(field: Field, template: DocsTemplate): string {
  const d = field.description ?? '';
  if (field.type.kind !== 'enum') return d;
  const values = field.type.values;
  if (values.every((v) => d.includes(String(v.value)))) return d;
  const list = values.map((v) => `- \`${String(v.value)}\`${v.description ? `: ${v.description.replace(/\n/g, ' ')}` : ''}`);
  return [d ? `${d} ${template.optionalValues}` : template.optionalValues, ...list].join('\n');
}

/** A field table; `columns` in order. */
function fieldTable(fields: readonly Field[], columns: readonly ColumnKey[], template: DocsTemplate, link: TypeLinker): Table {
  const header: TableRow = { type: 'tableRow', children: columns.map((k) => cell(headerCell(template, k))) };
  const rows: TableRow[] = fields.map((f) => ({
    type: 'tableRow',
    children: columns.map((k) => {
      switch (k) {
        case 'name':
          return cell(nameCell(f.name));
        case 'type':
          return cell(typeCell(f.type, link));
        case 'required':
          return cell([text(f.required ? template.yes : template.no)]);
        case 'default':
          return cell(valueCell(f.default, true, template.none));
        case 'constraints':
          return cell(constraintsCell(f.type));
        case 'description':
          return cell(proseCell(describedEnum(f, template)));
        case 'example':
          return cell(valueCell(f.example, false));
      }
    }),
  }));
  return { type: 'table', align: columns.map(() => null), children: [header, ...rows] };
}

/** Columns a table needs: the published ones, plus Required/Default/Constraints/Sample where a field has one. */
function columnsFor(fields: readonly Field[], base: readonly ColumnKey[]): ColumnKey[] {
  const want = new Set(base);
  if (fields.some((f) => f.required)) want.add('required');
  if (fields.some((f) => f.default !== undefined)) want.add('default');
  if (fields.some((f) => constraintParts(f.type).length > 0)) want.add('constraints');
  if (fields.some((f) => f.example !== undefined)) want.add('example');
  const order: ColumnKey[] = ['name', 'type', 'required', 'default', 'constraints', 'description', 'example'];
  return order.filter((k) => want.has(k));
}

function enumTable(type: Extract<TypeRef, { kind: 'enum' }>, template: DocsTemplate): Table {
  const columns: ColumnKey[] = ['name', 'type', 'description'];
  const header: TableRow = { type: 'tableRow', children: columns.map((k) => cell(headerCell(template, k))) };
  const rows: TableRow[] = type.values.map((v) => ({
    type: 'tableRow',
    children: [cell(nameCell(String(v.value))), cell([text('enum')]), cell(proseCell(v.description ?? ''))],
  }));
  return { type: 'table', align: columns.map(() => null), children: [header, ...rows] };
}

/**
 * The arguments object the sample code passes, under the emitted client's argument keys
 * (naming/members.ts parameterKeys), and a diagnostic per sample value it could not use.
 */
function sampleArgs(input: MethodPageInput, diagnostics: Diagnostic[]): { name: string; value: JsonValue }[] | undefined {
  const { method, types } = input;
  if (method.parameters.length === 0 && !method.requestBody) return undefined;
  const keys = parameterKeys(method);
  const args: { name: string; value: JsonValue }[] = [];
  method.parameters.forEach((p, i) => {
    const key = keys.params[i]!;
    if (p.example !== undefined && fitsType(p.example, p.type, types)) {
      args.push({ name: key, value: p.example });
      return;
    }
    if (p.example !== undefined) {
      diagnostics.push({
        code: 'docs-sample-replaced',
        severity: 'info',
        message: `sample value ${JSON.stringify(p.example)} of "${p.name}" does not fit its type; the code sample ${p.required ? 'uses a placeholder' : 'leaves it out'}`,
        location: p.source,
      });
    }
    if (!p.required) return;
    const v = placeholder(p.type, types);
    if (v !== undefined) args.push({ name: key, value: v });
  });
  if (method.requestBody?.required && keys.body) {
    const v = placeholder(method.requestBody.type, types);
    if (v !== undefined) args.push({ name: keys.body, value: v });
  }
  return args.length > 0 || method.parameters.some((p) => p.required) ? args : undefined;
}

/**
 * The parameter table: every parameter under its argument key, and the whole request body (a
 * spec's `requestBody`) as one more argument. A body that is an inline object has no data
 * structure of its own, so its fields get a table here, under the body argument's name.
 */
function parameterSection(method: Method, template: DocsTemplate, link: TypeLinker): RootContent[] {
  const keys = parameterKeys(method);
  const body = method.requestBody;
  const args: Field[] = [...method.parameters];
  if (body && keys.body) {
    args.push({ name: keys.body, type: body.type, required: body.required, source: body.source, ...(body.description ? { description: body.description } : {}) });
  }
  if (args.length === 0) return [{ type: 'paragraph', children: [text(template.noParameters)] }];
  const table = fieldTable(args, columnsFor(args, ['name', 'type', 'required', 'default', 'description', 'example']), template, link);
  // the docs generator's row layout shows the verb (query string vs body rows): kept so it reads back
  const placement = body ? undefined : layoutPlacement(method);
  const out: RootContent[] = [placement ? { type: 'html', value: parameterTableMarkdown(table, placement, 1) } : table];
  if (body && keys.body && body.type.kind === 'object' && body.type.fields.length > 0) {
    const fields = body.type.fields;
    out.push(heading(3, [{ type: 'inlineCode', value: keys.body }]));
    out.push(fieldTable(fields, columnsFor(fields, ['name', 'type', 'required', 'description', 'example']), template, link));
  }
  return out;
}

/** A data structure's heading (with its anchor) at `depth`, then its description and table. */
export function dataStructure(named: NamedType, template: DocsTemplate, link: TypeLinker, depth: 1 | 3 = 3): RootContent[] {
  const title: PhrasingContent[] = isAnchorName(named.name)
    ? [{ type: 'html', value: `<a id="${named.name}"></a>` }, text(` ${named.name}`)]
    : [text(named.name)];
  const out: RootContent[] = [heading(depth, title)];
  if (named.description) out.push(...proseBlocks(named.description));
  if (named.type.kind === 'object') {
    const fields = named.type.fields;
    out.push(fieldTable(fields, columnsFor(fields, ['name', 'type', 'required', 'description', 'example']), template, link));
  } else if (named.type.kind === 'enum') {
    out.push(enumTable(named.type, template));
  } else {
    out.push({ type: 'paragraph', children: [text(labelled(template.returns)), ...typeCell(named.type, link)] });
  }
  return out;
}

/**
 * Where the parameter rows say the parameters travel, when the verb was read from what the input
 * pages showed (their row layout, a request type line, the sample code) or set by an override:
 * the emitted page lays its rows out so, and reading it back gives the same verb. A verb given by
 * the name rule or the parameters' shapes needs nothing: reading the page gives it again.
 */
function layoutPlacement(method: Method): ParameterPlacement | undefined {
  const o = method.http.verbOrigin;
  const shown = (o.kind === 'evidence' && o.evidence !== 'parameter-shape') || o.kind === 'override';
  if (!shown) return undefined;
  const where = method.parameters[0]?.in;
  return where === 'query' ? 'query' : where === 'body' ? 'body' : undefined;
}

/**
 * The structures a page documents. Inline: every one the method reaches. Linked: the ones its
 * own tables name (parameters, body, the response's fields), not what those name in turn.
 */
function pageStructures(input: MethodPageInput, responseNamed: NamedType | undefined): NamedType[] {
  const { method } = input;
  const responseTable = responseNamed?.type.kind === 'object';
  let names: string[];
  if (input.linked) {
    const roots = [...method.parameters.map((p) => p.type), ...(method.requestBody ? [method.requestBody.type] : [])];
    if (responseTable) roots.push(...responseNamed!.type.kind === 'object' ? responseNamed!.type.fields.map((f) => f.type) : []);
    else roots.push(method.response.type);
    names = [...new Set(roots.flatMap(directRefs))];
  } else {
    names = reachableTypes(input.api, methodTypes(method));
  }
  // the response envelope is described by the response table, so it is not repeated below
  const named = names.filter((n) => !(responseTable && n === responseNamed!.name)).map((n) => input.types.get(n)).filter((t): t is NamedType => t !== undefined);
  if (!input.linked) named.push(...(input.strayTypes ?? []));
  return named;
}

/** One method page, in the published layout, as an mdast tree. */
export function methodPage(input: MethodPageInput): { tree: Root; diagnostics: Diagnostic[] } {
  const { method, template } = input;
  const diagnostics: Diagnostic[] = [];
  const children: RootContent[] = [];
  children.push(heading(1, titleContent(method.title ?? `${input.className}.${input.memberName}`)));
  if (template.banner.trim()) children.push(trusted({ type: 'html', value: template.banner.trim() }));
  if (method.description) children.push(...proseBlocks(method.description));

  children.push(heading(2, [text(template.sections.methodName)]));
  children.push({ type: 'paragraph', children: [{ type: 'inlineCode', value: `${input.className}.${input.memberName}` }] });
  // the endpoint, where the page reader takes it back as the first evidence of verb and path
  // (formats/request-line.ts); the path is text in a code span, escaped as any other text
  if (method.http.path) {
    const lead = template.requestLine.trim() ? [text(labelled(template.requestLine.trim()))] : [];
    children.push({ type: 'paragraph', children: [...lead, { type: 'inlineCode', value: formatRequestLine(method.http.verb, method.http.path) }] });
  }

  const response = method.response.type;
  const responseNamed = response.kind === 'ref' ? input.types.get(response.name) : undefined;
  const structures = pageStructures(input, responseNamed);
  const link = input.linked ? pageLinker(input.linked.file, input.linked.typePages, new Set(structures.map((t) => t.name))) : typeLink;

  children.push(heading(2, [text(template.sections.parameters)]));
  children.push(...parameterSection(method, template, link));

  children.push(heading(2, [text(template.sections.sampleCode)]));
  const snippet = buildSnippet(
    { packageName: input.packageName, className: input.className, memberName: input.memberName, args: sampleArgs(input, diagnostics) },
    template.snippet,
  );
  children.push({ type: 'code', lang: 'ts', value: snippet.trimEnd() });

  children.push(heading(2, [text(template.sections.response)]));
  if (response.kind === 'ref') {
    children.push({ type: 'paragraph', children: [text(labelled(template.responseType)), { type: 'inlineCode', value: response.name }] });
    if (responseNamed?.type.kind === 'object') {
      const fields = responseNamed.type.fields;
      // the published envelope table has no Required column: the profile's envelope says which are
      const envelope = input.api.envelope;
      const explained = envelope !== undefined && fields.every((f) => f.required === envelope.required.includes(f.name));
      const shown = explained ? fields.map((f) => ({ ...f, required: false })) : fields;
      children.push(fieldTable(fields, columnsFor(shown, ['name', 'type', 'description']), template, link));
    }
  } else if (response.kind !== 'unknown') {
    children.push({ type: 'paragraph', children: [text(labelled(template.returns)), ...typeCell(response, link)] });
  }
  if (method.response.description) children.push(...proseBlocks(method.response.description));
  if (method.response.sample !== undefined) {
    children.push({ type: 'paragraph', children: [text(template.sampleResult)] });
    children.push({ type: 'code', lang: 'json', value: JSON.stringify(method.response.sample, null, 2) });
  }

  if (structures.length > 0) {
    children.push(heading(2, [text(template.sections.dataStructures)]));
    for (const t of structures) children.push(...dataStructure(t, template, link));
  }
  return { tree: { type: 'root', children }, diagnostics };
}
