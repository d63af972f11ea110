import { stripInvisible } from '../page/inline.js';

export interface ProseEnumValue {
  value: string;
  description?: string;
}

/** "the optional values are" / "可选值为" and their variants, up to the list or the values. */
const MARKER = /(?:(?:the\s+)?optional\s+values?\s*(?:are|is|include)?|可选值(?:为|有|包括|包含)?|取值(?:为|范围为?)?)\s*[:：，,]?/i;

/** A value written in code (`user_id`) or a bare token (zh-CN, enabled), with an optional "(note)". */
const VALUE = /^\s*(?:`([^`]+)`|([A-Za-z0-9][A-Za-z0-9_.\-]*))(?:\s*[（(]([^）)]*)[）)])?/;
const SEPARATOR = /^\s*(?:、|,|，|\/|和|或|以及|及|and|or)\s*/i;

/** Words that introduce examples, not the whole set: "如：", "例如", "such as", "e.g.". */
const EXAMPLES = /例如|比如|举例|示例|(?:^|[，,。；;\s（(])如(?:[:：\s]|$)|such as|for example|for instance|e\.g\./i;

/** Words saying one value combines several listed ones: "多个 scope 请用空格分隔", "可多选". */
const COMBINED = /多个[^。\n]*(?:分隔|隔开)|可多选|(?:space|comma)[- ]separated|separated by|multiple (?:values|choices)/i;

/** Words saying a single listed value is the only one: "当前只支持这种验证方式", "only supports". */
const ONLY = /只支持|仅支持|只有|唯一|only (?:supports?|one|this)|the only/i;

export type ProseEnum =
  /** The values are the field's whole value set, after a marker ("可选值为") or as a bare list. */
  | { whole: true; values: ProseEnumValue[]; via: 'marker' | 'list' }
  /** Values the description lists that are not read as the value set; `why` says why not. */
  | { whole: false; values: ProseEnumValue[]; why: string };

/**
 * Enum values written in prose in a description, in the ways the pages use:
 * - a list after the marker: "可选值为：\n- `user_id`: Authing 用户 ID\n- `phone`: 用户手机号";
 * - inline after the marker: "可选值为 `A`、`B` 和 `C`", "optional value enabled, disabled";
 * - a bare list, without a marker: "修改推送码状态的动作:\n- `CONFIRM`: …\n- `CANCEL`: …". It is
 *   the whole value set unless its lead-in calls it examples ("如：", "such as"), or says that
 *   one value combines several ("多个 scope 请用空格分隔"; fine for a list-valued field, `multiple`),
 *   or it lists a single value without saying it is the only one ("当前只支持这种"): those come
 *   back with `whole: false` and the reason, to report.
 * `description` is the cell's markdown with `<br>` already turned into newlines.
 * Returns undefined when the description lists no values (or fewer than two after a marker).
 */
export function readProseEnum(description: string, options: { multiple?: boolean } = {}): ProseEnum | undefined {
  const text = stripInvisible(description);
  const marker = MARKER.exec(text);
  if (marker) {
    const after = text.slice(marker.index + marker[0].length);
    const list = readList(after);
    if (list.length >= 2) return { whole: true, values: list, via: 'marker' };
    const inline = readInline(after.split('\n')[0] ?? '');
    return inline.length >= 2 ? { whole: true, values: inline, via: 'marker' } : undefined;
  }

  const first = text.split('\n').findIndex((l) => ITEM.test(l));
  if (first < 0) return undefined;
  const lines = text.split('\n');
  const leadIn = lines.slice(0, first).join('\n');
  const values = first === 0 ? readList(text, true) : readList(lines.slice(first - 1).join('\n'));
  if (values.length === 0) return undefined;
  const hint = EXAMPLES.exec(leadIn);
  if (hint) return { whole: false, values, why: `its lead-in calls them examples ("${hint[0].trim()}")` };
  const combined = options.multiple ? null : COMBINED.exec(leadIn);
  if (combined) return { whole: false, values, why: `its lead-in says one value combines several ("${combined[0]}")` };
  if (values.length < 2 && !ONLY.test(`${leadIn}\n${values[0]!.description ?? ''}`)) return { whole: false, values, why: 'it lists a single value' };
  return { whole: true, values, via: 'list' };
}

/** A list item: `- `value`: what it means` or `- value: what it means`. */
const ITEM = /^\s*[-*]\s+(?:`([^`]+)`|([A-Za-z0-9_.\-]+))\s*[:：]\s*(.*)$/;

/** The list items in `after`: the list starts on its second line (the first is the lead-in), or at once when `atStart`. */
function readList(after: string, atStart = false): ProseEnumValue[] {
  const lines = after.split('\n');
  const out: ProseEnumValue[] = [];
  let current: ProseEnumValue | undefined;
  for (const line of atStart ? lines : lines.slice(1)) {
    const item = ITEM.exec(line);
    if (item) {
      current = { value: (item[1] ?? item[2])!.trim(), description: item[3]!.trim() };
      out.push(current);
    } else if (current && line.trim() !== '' && !/^\s*[-*]\s/.test(line)) {
      // a continuation line of the previous item ("Example value: ...")
      current.description = `${current.description ?? ''}\n${line.trim()}`.trim();
    } else if (line.trim() !== '') {
      break;
    }
  }
  for (const v of out) if (!v.description) delete v.description;
  return out;
}

function readInline(line: string): ProseEnumValue[] {
  const out: ProseEnumValue[] = [];
  let rest = line;
  for (;;) {
    const m = VALUE.exec(rest);
    if (!m) break;
    const v: ProseEnumValue = { value: (m[1] ?? m[2])! };
    if (m[3]?.trim()) v.description = m[3].trim();
    out.push(v);
    rest = rest.slice(m[0].length);
    const sep = SEPARATOR.exec(rest);
    if (!sep) break;
    rest = rest.slice(sep[0].length);
  }
  return out;
}
