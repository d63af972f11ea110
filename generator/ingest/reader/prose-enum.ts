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

/**
 * Enum values written in prose in a description, in one of the two ways the pages use:
 * - a list after the marker: "可选值为：\n- `user_id`: Authing 用户 ID\n- `phone`: 用户手机号";
 * - inline after the marker: "可选值为 `A`、`B` 和 `C`", "optional value enabled, disabled".
 * `description` is the cell's markdown with `<br>` already turned into newlines.
 * Returns undefined when no marker or fewer than two values are found.
 */
export function readProseEnum(description: string): ProseEnumValue[] | undefined {
  const text = stripInvisible(description);
  const marker = MARKER.exec(text);
  if (!marker) return undefined;
  const after = text.slice(marker.index + marker[0].length);

  const list = readList(after);
  if (list.length >= 2) return list;

  const inline = readInline(after.split('\n')[0] ?? '');
  return inline.length >= 2 ? inline : undefined;
}

function readList(after: string): ProseEnumValue[] {
  const lines = after.split('\n');
  const out: ProseEnumValue[] = [];
  let current: ProseEnumValue | undefined;
  // the list starts on the next line (the marker's own line is the lead-in)
  for (const line of lines.slice(1)) {
    const item = /^\s*[-*]\s+(?:`([^`]+)`|([A-Za-z0-9_.\-]+))\s*[:：]\s*(.*)$/.exec(line);
    if (item) {
      current = { value: (item[1] ?? item[2])!, description: item[3]!.trim() };
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
