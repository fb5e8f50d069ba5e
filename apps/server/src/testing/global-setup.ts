import type { TestProject } from 'vitest/node';
import { startTempPostgres } from './postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

/** One PostgreSQL cluster for the whole run; each test file makes its own database in it. */
export default async function setup(project: TestProject) {
  const pg = await startTempPostgres();
  project.provide('postgresUrl', pg.url);
  return () => pg.stop();
}
