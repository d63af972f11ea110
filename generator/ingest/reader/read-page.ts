import type { Diagnostic } from '../../diagnostics/types.js';
import type { DiagnosticCode } from '../../diagnostics/catalog.js';
import { diagnostic } from '../../diagnostics/collector.js';
import type { Field, JsonValue, NamedType, SourceLocation, TypeRef } from '../../ir/types.js';
import { kebabCase, splitWords } from '../../naming/words.js';
import type { Block, HeadingBlock, Page, PageFormat, TableBlock } from '../page/model.js';
import { readDataStructures } from './data-structures.js';
import { readFieldTable, type UntypedArray } from './field-table.js';
import { typeArrayItems } from './array-items.js';
import { directRefs } from '../../ir/walk.js';
import { readPageMethodName, type NameOrigin } from './page-method-name.js';
import { readPagePath, type PagePath } from './page-path.js';
import { readPathMentions, type PathMention } from './path-mentions.js';
import { readRequestLine } from './request-line.js';
import { readResponseSection } from './response-section.js';
import { readSampleClients, type SampleClient } from './sample-calls.js';
import { sectionKind, type SectionKind } from './sections.js';
import { readVerbTraces, type VerbTrace } from './verb-evidence.js';

/** What one docs page says: a method (or nothing) and the data structures it defines. */
export interface PageResult {
  file: string;
  /** The syntax the page was written in. */
  format: PageFormat;
  /** `fragment`: a file other pages include (docs/includes.ts), not a page of its own. */
  kind: 'method' | 'skipped' | 'fragment';
  method?: PageMethod;
  types: NamedType[];
  /** HTTP paths the page writes out, about its own endpoint or another's (absent when none). */
  pathMentions?: PathMention[];
  diagnostics: Diagnostic[];
}

export interface PageMethod {
  client: string;
  words: string[];
  /** The method name as written on the page (name line or sample call), absent when derived from the file name. */
  writtenName?: string;
  /** Where the name came from: the name section, the sample code's call, or the file name. */
  nameFrom: NameOrigin;
  /** The clients the page's sample code constructs and the methods it calls on them. */
  sampleClients?: SampleClient[];
  title?: string;
  description?: string;
  path: PagePath;
  /** 'en' or 'zh': the language of the page's headings. */
  docLanguage: 'en' | 'zh';
  parameters: Field[];
  /** Parameters rebuilt from a damaged row: their facts yield to other pages of the method. */
  partialParameters: string[];
  /** What the page shows of where the parameters travel, most trusted first (verb-evidence.ts). */
  verbTraces: VerbTrace[];
  /** Parameter rows lost with their name (a damaged row nothing could be recovered from). */
  lostParameters: number;
  responseType?: string;
  responseDescription?: string;
  sample?: JsonValue;
  source: SourceLocation;
}

interface Section {
  kind: SectionKind | 'other';
  heading: HeadingBlock;
  blocks: Block[];
}

/** Splits the page at its `##` headings; blocks before the first one form the intro. */
function sectionsOf(blocks: Block[]): { intro: Block[]; sections: Section[] } {
  const intro: Block[] = [];
  const sections: Section[] = [];
  for (const b of blocks) {
    if (b.kind === 'heading' && b.depth === 2) {
      sections.push({ kind: sectionKind(b.text) ?? 'other', heading: b, blocks: [] });
    } else if (sections.length > 0) sections[sections.length - 1]!.blocks.push(b);
    else intro.push(b);
  }
  return { intro, sections };
}

const isBanner = (text: string): boolean => /^\s*(>|<LastUpdated|<!--|\{\{)/.test(text) || /^\s*!!!include/.test(text);

/** Reads one page (in any syntax, see syntax/) into what it says about a method and its types. */
export function readPage(page: Page): PageResult {
  const { file, format } = page;
  const diagnostics: Diagnostic[] = [...(page.diagnostics ?? [])];
  const report = (code: DiagnosticCode, message: string, location: SourceLocation): void => {
    diagnostics.push(diagnostic(code, message, location));
  };
  const at = (line: number, column = 1, inFile = file): SourceLocation => ({ file: inFile, line, column });
  const blocks = page.blocks;
  const { intro, sections } = sectionsOf(blocks);
  const find = (k: SectionKind): Section | undefined => sections.find((s) => s.kind === k);
  const nameSection = find('method-name');
  const paramSection = find('parameters');
  const responseSection = find('response');
  const dataSection = find('data-structures');
  const mentions = readPathMentions(blocks, file);
  const pathMentions = mentions.length > 0 ? { pathMentions: mentions } : {};

  if (!nameSection && !paramSection && !responseSection) {
    report('md-not-a-method-page', 'not a method page (no method name, parameter or response section); skipped', at(1));
    return { file, format, kind: 'skipped', types: [], ...pathMentions, diagnostics };
  }

  const path = readPagePath(file);
  const zh = sections.some((s) => /[\u4e00-\u9fff]/.test(s.heading.text));
  const titleBlock = intro.find((b): b is HeadingBlock => b.kind === 'heading' && b.depth === 1);
  const description = intro
    .filter((b) => b.kind === 'paragraph' && !isBanner(b.text))
    .map((b) => (b.kind === 'paragraph' ? b.text.trim() : ''))
    .join('\n\n');

  // Method name: from its section, else the sample code's call, else the file name and folder.
  const sampleClients = readSampleClients(blocks, file);
  const name = readPageMethodName({ file, ...(nameSection ? { nameSection } : {}), ...(titleBlock ? { title: titleBlock } : {}), path, sampleClients }, report);
  if (!name) return { file, format, kind: 'skipped', types: [], ...pathMentions, diagnostics };
  const { client, words, writtenName, source } = name;

  // Data structures first: the tables above them may name them bare in the Type column.
  const sampleCode = find('sample-code')?.blocks.find((b) => b.kind === 'code');
  // Structures live under "Data Structure"; some pages write that title as plain text, so
  // anchored `###` headings anywhere after the parameters count too.
  const structureBlocks = sections.flatMap((s) => (s.kind === 'data-structures' || s.kind === 'response' || s.kind === 'other' ? s.blocks : []));
  const structures = dataSection || structureBlocks.length > 0 ? readDataStructures(structureBlocks, file, diagnostics, dataSection ? new Set(dataSection.blocks) : new Set()) : [];
  const types: NamedType[] = [];
  const localTypes = new Map<string, TypeRef>();
  const knownNames = new Set<string>(structures.map((s) => s.name));
  const resolve = (name: string): TypeRef | undefined => localTypes.get(name);
  const untypedArrays: UntypedArray[] = [];
  const ctxFor = () => ({
    file,
    knownNames,
    resolve,
    sampleCode: sampleCode?.kind === 'code' ? sampleCode.text : undefined,
    diagnostics,
    untypedArrays,
  });
  for (const s of structures) {
    const named = s.read(ctxFor());
    localTypes.set(named.name, named.type);
    types.push(named);
  }

  const method: PageMethod = {
    client,
    words,
    path,
    docLanguage: zh ? 'zh' : 'en',
    parameters: [],
    partialParameters: [],
    verbTraces: [],
    lostParameters: 0,
    nameFrom: name.from,
    source,
  };
  if (sampleClients.length > 0) method.sampleClients = sampleClients;
  if (writtenName) method.writtenName = writtenName;
  if (titleBlock?.text) method.title = titleBlock.text;
  if (description) method.description = description;

  const paramTable = paramSection?.blocks.find((b): b is TableBlock => b.kind === 'table');
  if (paramTable) {
    const read = readFieldTable(paramTable, ctxFor());
    method.parameters = read.fields;
    method.partialParameters = read.partial;
    method.lostParameters = read.lost;
  }
  const requestLine = nameSection ? readRequestLine(nameSection.blocks, file) : undefined;
  if (paramSection || requestLine) {
    const code = sampleCode?.kind === 'code' ? { text: sampleCode.text, line: sampleCode.line, file: sampleCode.file ?? file } : undefined;
    method.verbTraces = readVerbTraces(file, paramSection?.blocks ?? [], paramTable, code, diagnostics, requestLine);
  }

  if (responseSection) {
    const resp = readResponseSection(responseSection.blocks, { ...ctxFor(), heading: responseSection.heading, words });
    if (resp.type) {
      method.responseType = resp.type.name;
      types.push(resp.type);
    }
    if (resp.sample !== undefined) method.sample = resp.sample;
  }

  // arrays without an item type, typed with the one structure of the page that fits
  const response = types.find((t) => t.name === method.responseType);
  const responseFields = new Set(response?.type.kind === 'object' ? response.type.fields : []);
  const envelope = method.sample !== null && typeof method.sample === 'object' && !Array.isArray(method.sample) ? method.sample : undefined;
  const pageRefs = new Set([...method.parameters.map((p) => p.type), ...types.map((t) => t.type)].flatMap((t) => directRefs(t)));
  if (response) pageRefs.add(response.name);
  typeArrayItems(
    untypedArrays.map((a) => {
      const sample = responseFields.has(a.field) ? envelope?.[a.field.name] : a.field.example;
      return sample === undefined ? a : { ...a, sample };
    }),
    types,
    pageRefs,
    diagnostics,
  );
  return { file, format, kind: 'method', method, types, ...pathMentions, diagnostics };
}
