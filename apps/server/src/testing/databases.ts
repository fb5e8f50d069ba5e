import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';

export interface TestStore {
  name: 'sqlite' | 'postgres';
  /** A fresh, empty store: a data directory for SQLite, a database URL for PostgreSQL. */
  create(): Promise<{ dataDir: string; databaseUrl?: string; dispose(): Promise<void> }>;
}

async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = inject('postgresUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = admin.replace(/\/postgres$/, `/${name}`);
  return {
    url,
    async drop() {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export const TEST_STORES: TestStore[] = [
  {
    name: 'sqlite',
    async create() {
      const dataDir = mkdtempSync(join(tmpdir(), 'bosv2-server-'));
      return {
        dataDir,
        async dispose() {
          rmSync(dataDir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: 'postgres',
    async create() {
      const dataDir = mkdtempSync(join(tmpdir(), 'bosv2-server-'));
      const db = await freshDatabase();
      return {
        dataDir,
        databaseUrl: db.url,
        async dispose() {
          await db.drop();
          rmSync(dataDir, { recursive: true, force: true });
        },
      };
    },
  },
];
