/**
 * The bundled contract for tests. Read through Node's require, not `loadSpec()`: happy-dom
 * replaces the global `URL`, which `fileURLToPath` refuses.
 */
import { createRequire } from 'node:module';
import type { SchemaDocument } from './activity/schema.js';

const require = createRequire(import.meta.url);

export const spec = require('@bosv2/contract/openapi.json') as SchemaDocument;
