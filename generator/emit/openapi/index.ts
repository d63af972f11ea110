export { openApiDocument } from './document.js';
export { serializeOpenApi } from './serialize.js';
