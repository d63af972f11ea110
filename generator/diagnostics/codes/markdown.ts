import type { CodeInfo } from './entry.js';

/** Codes of the markdown-docs ingester (generator/ingest/markdown). */
export const markdownCodes = {
  'md-not-a-method-page': {
    severity: 'info',
    title: 'Not a method page',
    cause: 'The page has no method sections (method name, request parameters, response): an install guide, events page or similar.',
    fix: 'Nothing to do; the page is skipped. Move it out of the input folder to silence this.',
  },
  'md-method-name-missing': {
    severity: 'warning',
    title: 'Method name section missing',
    cause: 'A page has parameter/response sections but no "Method name" / "方法名称" section.',
    fix: 'Add the section; until then the name is derived from the file name and the client from the folder.',
  },
  'md-method-name-unreadable': {
    severity: 'error',
    title: 'Method name not understood',
    cause: 'The method name section does not hold `Client.method`.',
    fix: 'Write the method name as `ManagementClient.getUserMfaInfo` in an inline code span.',
  },
  'md-file-name-mismatch': {
    severity: 'warning',
    title: 'File name disagrees with method name',
    cause: 'The page file name (kebab case) is not the kebab-case form of the method name.',
    fix: 'Rename the file or fix the method name.',
  },
  'md-table-fused-row': {
    severity: 'warning',
    title: 'Table row fused into the delimiter row',
    cause: 'The first body row of a table was pasted into its delimiter row (often truncated with "...").',
    fix: 'Put the delimiter row (`| --- | --- |`) and the first row on separate lines.',
  },
  'md-table-cell-count': {
    severity: 'warning',
    title: 'Row cell count differs from the header',
    cause: 'A table row has more or fewer cells than the header row, usually an unescaped `|` or a missing cell.',
    fix: 'Escape `|` inside cells as `\\|`, or add the missing cell.',
  },
  'md-table-missing-column': {
    severity: 'warning',
    title: 'Table lacks a required column',
    cause: 'A parameter or field table has no Name or Type column.',
    fix: 'Use the published header: Name | Type | Required | Default value | Description | Sample value.',
  },
  'md-table-unknown-column': {
    severity: 'info',
    title: 'Unknown table column',
    cause: 'A table header cell is not one of the known headers (English or Chinese).',
    fix: 'Rename the column to a known header, or ignore this if the column is intentionally extra.',
  },
  'md-row-without-name': {
    severity: 'warning',
    title: 'Table row without a name',
    cause: 'A row of a parameter or field table has an empty Name cell.',
    fix: 'Fill in the name or delete the row.',
  },
  'md-duplicate-field': {
    severity: 'warning',
    title: 'Field listed twice',
    cause: 'The same name appears twice in one parameter or field table; the first row is kept.',
    fix: 'Delete the duplicate row.',
  },
  'md-unknown-type': {
    severity: 'warning',
    title: 'Type not understood',
    cause: 'The Type cell holds something that is neither a primitive, an array nor a link to a data structure.',
    fix: 'Use string, number, integer, boolean, object, array, T[] or <a href="#Dto">Dto</a>.',
  },
  'md-array-item-type-unknown': {
    severity: 'info',
    title: 'Array item type not stated',
    cause: 'A field is declared `array` without "Nested type" / "嵌套类型" in its description.',
    fix: 'State the item type, e.g. "Nested type: <a href=\\"#Dto\\">Dto</a>".',
  },
  'md-bad-default': {
    severity: 'warning',
    title: 'Default value does not fit the type',
    cause: 'The Default value cell cannot be read as a value of the column type.',
    fix: 'Write the default as the type expects (a number for number, true/false for boolean).',
  },
  'md-bad-sample': {
    severity: 'info',
    title: 'Sample value does not fit the type',
    cause: 'The Sample value cell cannot be read as a value of the column type; it is kept as text.',
    fix: 'Write the sample as the type expects.',
  },
  'md-bad-required': {
    severity: 'warning',
    title: 'Required flag not understood',
    cause: 'The Required cell is not yes/no/是/否 (or similar).',
    fix: 'Write Yes or No (是 or 否).',
  },
  'md-sample-json-invalid': {
    severity: 'warning',
    title: 'Sample JSON does not parse',
    cause: 'The sample result code block is not valid JSON.',
    fix: 'Fix the JSON (comments and trailing commas are not allowed).',
  },
  'md-response-type-missing': {
    severity: 'warning',
    title: 'Response type not stated',
    cause: 'The response section has no "Type: `XxxRespDto`" line.',
    fix: 'Add the line with the response type name.',
  },
  'md-data-structure-duplicate': {
    severity: 'info',
    title: 'Data structure defined twice on a page',
    cause: 'The same data structure heading appears twice on one page.',
    fix: 'Delete one of the sections.',
  },
  'md-data-structure-unused': {
    severity: 'info',
    title: 'Data structure not referenced',
    cause: 'A data structure section on the page is not reachable from the parameters or the response.',
    fix: 'Remove the section or reference it.',
  },
  'md-merge-disagreement': {
    severity: 'warning',
    title: 'Language pages of one method disagree',
    cause: 'The pages of the same method in different SDK languages give different facts (a parameter, type, required flag, default or enum value).',
    fix: 'Make the pages agree; the fact from the first page (in language order) is used.',
  },
  'md-client-conflict': {
    severity: 'warning',
    title: 'Page filed under the wrong client',
    cause: 'The same page (category and file) is documented under two clients; the client named by fewer pages is taken to be wrong and its method is dropped.',
    fix: 'Move the page to the right client folder and fix its method name.',
  },
  'md-override-invalid': {
    severity: 'error',
    title: 'Override entry not understood',
    cause: 'An entry of the overrides file does not name a known method, or gives an invalid verb or path.',
    fix: 'Use { "Client.method_name": { "verb": "POST", "path": "/api/v3/x" } }.',
  },
} satisfies Record<string, CodeInfo>;
