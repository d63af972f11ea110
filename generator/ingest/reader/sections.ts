import { cellPlain } from '../page/inline.js';

export type SectionKind = 'method-name' | 'parameters' | 'response' | 'data-structures' | 'sample-code';

/** `##` heading texts of a method page, English and Chinese, lower-cased. */
const SECTION_TITLES: Record<string, SectionKind> = {
  'method name': 'method-name',
  方法名称: 'method-name',
  'request parameters': 'parameters',
  'request parameter': 'parameters',
  parameters: 'parameters',
  请求参数: 'parameters',
  'request response': 'response',
  response: 'response',
  请求响应: 'response',
  'data structure': 'data-structures',
  'data structures': 'data-structures',
  数据结构: 'data-structures',
  'sample code': 'sample-code',
  'example code': 'sample-code',
  示例代码: 'sample-code',
  请求示例: 'sample-code',
};

export function sectionKind(headingText: string): SectionKind | undefined {
  const t = cellPlain(headingText).replace(/^¶\s*/, '').toLowerCase().replace(/\s+/g, ' ').trim();
  return SECTION_TITLES[t];
}
