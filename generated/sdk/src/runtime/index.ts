// Entry of the SDK runtime: everything the generated clients (and their users) need.
export * from './auth.js';
export * from './checks.js';
export * from './encoding.js';
export * from './errors.js';
export * from './genauth-signature.js';
export * from './http.js';
export * from './pagination.js';
export * from './response.js';
export * from './response-guards.js';
export * from './retry.js';
export * from './security.js';
export * from './serialize.js';
export * from './servers.js';
export * from './types.js';
export * from './validation.js';
