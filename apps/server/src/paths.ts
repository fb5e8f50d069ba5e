import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The directory of apps/server (holding package.json), from src/ or from dist/. */
export function packageDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('apps/server package.json not found');
    dir = up;
  }
  return dir;
}

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The numbered SQL files of one store (`001_init.sql`, ...), in order. */
export function readMigrations(store: 'sqlite' | 'postgres'): Migration[] {
  const dir = join(packageDir(), 'migrations', store);
  return readdirSync(dir)
    .filter((file) => /^\d{3}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 3)),
      name: file,
      sql: readFileSync(join(dir, file), 'utf8'),
    }));
}
