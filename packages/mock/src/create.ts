import { MockEngine, type MockOptions } from './engine/engine.js';
import { compileOperations } from './engine/spec.js';
import { createAnalyticsHandlers } from './handlers/analytics.js';
import { createAttachmentHandlers } from './handlers/attachments.js';
import { createAuthHandlers } from './handlers/auth.js';
import { createCitizenHandlers, setupCitizenReports } from './handlers/citizen.js';
import { createGenericHandler } from './handlers/generic.js';
import { createReferenceHandlers } from './handlers/reference.js';
import { createReportHandlers, findReportKinds, setupReports } from './handlers/reports.js';
import { createUnitReportHandlers } from './handlers/unit-reports.js';

/**
 * Builds the engine with every built-in domain handler; operations without one answer from the
 * generic handler (seeded, contract-valid CRUD).
 *
 * @example
 * import spec from '@bosv2/contract/openapi.json';
 * const engine = createMockEngine({ spec, seed: 7, validateResponses: 'strict' });
 */
export function createMockEngine(options: MockOptions): MockEngine {
  const kinds = findReportKinds(compileOperations(options.spec));
  let engine: MockEngine | undefined;
  engine = new MockEngine(options, [
    {
      handlers: createAuthHandlers({
        accessTokenTtl: options.accessTokenTtl ?? 3600,
        version: options.spec.info.version,
      }),
    },
    { handlers: createReferenceHandlers() },
    { handlers: createReportHandlers(kinds), setup: (e) => setupReports(e, kinds) },
    { handlers: createAttachmentHandlers() },
    { handlers: createAnalyticsHandlers() },
    { handlers: createUnitReportHandlers() },
    { handlers: createCitizenHandlers(), setup: setupCitizenReports },
    { handlers: { '*': createGenericHandler(() => (engine as MockEngine).validator) } },
  ]);
  return engine;
}
