import { cellPlain } from '../page/inline.js';

/** The columns a parameter, field or response table can have. */
export type ColumnKey = 'name' | 'type' | 'required' | 'default' | 'description' | 'example';

/** Header texts in English and Chinese, lower-cased, without punctuation. */
const HEADER_WORDS: Record<string, ColumnKey> = {
  name: 'name',
  名称: 'name',
  参数名: 'name',
  参数: 'name',
  字段: 'name',
  type: 'type',
  类型: 'type',
  required: 'required',
  'is it required': 'required',
  'is required': 'required',
  'is this field required': 'required',
  是否必填: 'required',
  必填: 'required',
  default: 'default',
  'default value': 'default',
  默认值: 'default',
  description: 'description',
  描述: 'description',
  说明: 'description',
  'sample value': 'example',
  'example value': 'example',
  example: 'example',
  sample: 'example',
  示例值: 'example',
  示例: 'example',
};

/** Every header text a column is known by (lower case), for splitting headers that ran together. */
export const HEADER_TEXTS: readonly string[] = Object.keys(HEADER_WORDS);

export function columnKey(headerCell: string): ColumnKey | undefined {
  const text = cellPlain(headerCell)
    .toLowerCase()
    .replace(/[?？:：]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return HEADER_WORDS[text];
}

/** Column key → index, first occurrence wins; unknown headers are returned for diagnostics. */
export function mapColumns(header: readonly string[]): { index: Partial<Record<ColumnKey, number>>; unknown: number[] } {
  const index: Partial<Record<ColumnKey, number>> = {};
  const unknown: number[] = [];
  header.forEach((cell, i) => {
    const key = columnKey(cell);
    if (key === undefined) unknown.push(i);
    else if (index[key] === undefined) index[key] = i;
  });
  return { index, unknown };
}
