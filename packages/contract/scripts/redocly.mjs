// Runs the pinned Redocly CLI (a dev dependency) with telemetry and update checks off.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');

/** The environment every Redocly run gets: nothing is sent anywhere, no banners. */
export const redoclyEnv = {
  ...process.env,
  REDOCLY_TELEMETRY: 'off',
  REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
  REDOCLY_SUPPRESS_NOTIFICATIONS: 'true',
  NO_COLOR: '1',
};

/**
 * Runs `redocly <args>` and returns its exit status and output.
 * @param {string[]} args
 * @param {{ cwd?: string }} [options]
 * @returns {{ status: number, stdout: string, stderr: string }}
 */
export function redocly(args, { cwd = packageDir } = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    env: redoclyEnv,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Like `redocly`, but throws with the CLI's output when it fails.
 * @param {string[]} args
 * @param {{ cwd?: string }} [options]
 */
export function redoclyOrThrow(args, options) {
  const result = redocly(args, options);
  if (result.status !== 0) {
    throw new Error(
      `redocly ${args.join(' ')} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result;
}

// `node scripts/redocly.mjs <args>` runs the CLI with the same environment, output shown.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const child = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], {
    cwd: process.cwd(),
    env: redoclyEnv,
    stdio: 'inherit',
  });
  process.exit(child.status ?? 1);
}
