import { join } from 'node:path';
import { PostgresRepository } from './postgres.js';
import { SqliteRepository } from './sqlite.js';
import type { Repository } from './types.js';

export type { Repository } from './types.js';

/** PostgreSQL when a connection string is given, else the SQLite file in `dataDir`. Migrated. */
export async function openRepository(options: {
  databaseUrl?: string | undefined;
  dataDir: string;
}): Promise<Repository> {
  const repo: Repository = options.databaseUrl
    ? new PostgresRepository(options.databaseUrl)
    : new SqliteRepository(join(options.dataDir, 'bosv2-server.sqlite'));
  try {
    await repo.migrate();
  } catch (error) {
    await repo.close().catch(() => {});
    throw error;
  }
  return repo;
}
