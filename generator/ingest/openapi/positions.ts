import { isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';

/**
 * Where each object of a parsed document starts in its text, keyed by object identity: the
 * ingester looks up the objects it maps (operations, parameters, schemas) without building a
 * JSON pointer → offset table for the whole (10 MB) document. A member is placed at its key
 * (`"get": {` → the line of `"get"`), which is where a reader looks.
 */
export class PositionIndex {
  private readonly offsets = new WeakMap<object, number>();
  private lineStarts: number[] | undefined;

  constructor(private readonly text: string) {}

  set(value: unknown, offset: number): void {
    if (value !== null && typeof value === 'object' && !this.offsets.has(value)) this.offsets.set(value, offset);
  }

  /** 1-based line and column of `value`, or undefined when it was not recorded (a primitive). */
  locate(value: unknown): { line: number; column: number } | undefined {
    if (value === null || typeof value !== 'object') return undefined;
    const offset = this.offsets.get(value);
    return offset === undefined ? undefined : this.lineColumn(offset);
  }

  lineColumn(offset: number): { line: number; column: number } {
    const starts = (this.lineStarts ??= computeLineStarts(this.text));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  }
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/**
 * Records positions for a JSON text already parsed by `JSON.parse` into `root`: one linear scan
 * of the text that walks the parsed value alongside (no second parse, no pointer strings).
 */
export function indexJsonPositions(text: string, root: unknown, index: PositionIndex): void {
  const n = text.length;
  let i = 0;
  const ws = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else break;
    }
  };
  const skipString = (): boolean => {
    i++;
    let escaped = false;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return escaped;
      }
      if (c === 92) {
        escaped = true;
        i += 2;
      } else i++;
    }
    return escaped;
  };
  const value = (v: unknown, at: number): void => {
    ws();
    const c = text.charCodeAt(i);
    if (c === 123) {
      index.set(v, at < 0 ? i : at);
      const obj = v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
      i++;
      ws();
      if (text.charCodeAt(i) === 125) {
        i++;
        return;
      }
      while (i < n) {
        ws();
        const keyStart = i;
        const escaped = skipString();
        const key = escaped ? (JSON.parse(text.slice(keyStart, i)) as string) : text.slice(keyStart + 1, i - 1);
        ws();
        i++; // ':'
        value(obj && hasOwn(obj, key) ? obj[key] : undefined, keyStart);
        ws();
        const d = text.charCodeAt(i++);
        if (d !== 44) return; // '}' (or broken input, which JSON.parse already rejected)
      }
    } else if (c === 91) {
      index.set(v, at < 0 ? i : at);
      const arr = Array.isArray(v) ? (v as unknown[]) : undefined;
      i++;
      ws();
      if (text.charCodeAt(i) === 93) {
        i++;
        return;
      }
      for (let k = 0; i < n; k++) {
        value(arr?.[k], -1);
        ws();
        const d = text.charCodeAt(i++);
        if (d !== 44) return;
      }
    } else if (c === 34) {
      skipString();
    } else {
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 44 || d === 125 || d === 93 || d === 32 || d === 10 || d === 13 || d === 9) break;
        i++;
      }
    }
  };
  value(root, -1);
}

/** Records positions for a YAML document by walking its node tree alongside its `toJS()` value. */
export function indexYamlPositions(node: YamlNode | null | undefined, value: unknown, index: PositionIndex, at = -1): void {
  if (!node) return;
  if (isMap(node)) {
    index.set(value, at >= 0 ? at : (node.range?.[0] ?? 0));
    const obj = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
    for (const pair of node.items) {
      const keyNode = pair.key as YamlNode | null;
      const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
      const keyAt = isScalar(keyNode) ? (keyNode.range?.[0] ?? -1) : -1;
      indexYamlPositions(pair.value as YamlNode | null, obj && hasOwn(obj, key) ? obj[key] : undefined, index, keyAt);
    }
  } else if (isSeq(node)) {
    index.set(value, at >= 0 ? at : (node.range?.[0] ?? 0));
    const arr = Array.isArray(value) ? value : undefined;
    node.items.forEach((item, k) => indexYamlPositions(item as YamlNode | null, arr?.[k], index));
  }
}
