export { ingestOpenApiFile, openApiVersion, type OpenApiIngestOptions, type OpenApiIngestResult, type OpenApiStats } from './document.js';
export { X as SDKFORGE_EXTENSIONS, ENUM_DESCRIPTIONS } from '../../formats/openapi-extensions.js';
