/** JSON Pointer (RFC 6901) segments, as OpenAPI `$ref`s and component keys use them. */
export const escapePointer = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');
export const unescapePointer = (segment: string): string => segment.replace(/~1/g, '/').replace(/~0/g, '~');
