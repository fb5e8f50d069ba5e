import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { OpenApiDocument } from './engine/types.js';
import { loadContractSpec } from './node/load-spec.js';
import { startMockServer } from './node/server.js';
import { stateProblem } from './store/check.js';
import type { StoreState } from './store/types.js';

const HELP = `bosv2-mock: the BOS V2 mock API (stateful, validating, with faults)

Usage: bosv2-mock [options]

  --host <host>       address to listen on (default 127.0.0.1)
  --port <port>       port (default 4010; 0 picks a free one)
  --seed <n>          seed of the simulated data and faults (default 1)
  --faults <spec>     server-wide faults, e.g. "latency=normal(200,50); 5xx@0.05"
  --state <file>      restore the state from <file> on start, save it there on exit
  --spec <file>       a bundled openapi.json (default: @bosv2/contract's)
  --validate <mode>   check responses against the contract: off | warn | strict (default warn)
  --quiet             no request log
  --help              this text

Demo logins (password latihan-bos-v2): officer 85061234, supervisor 75030001,
Kasat Binmas 72010001, trainer 80020001, admin 70010001, officer without area 96010001;
citizen siti.aminah@contoh.id / rahasia-siti-2026.
Admin API: /__mock/faults, /__mock/reset, /__mock/requests, /__mock/state, /__mock/info.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '4010' },
      seed: { type: 'string', default: '1' },
      faults: { type: 'string' },
      state: { type: 'string' },
      spec: { type: 'string' },
      validate: { type: 'string', default: 'warn' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const seed = Number(values.seed);
  const port = Number(values.port);
  if (!Number.isInteger(seed) || !Number.isInteger(port) || port < 0 || port > 65535) {
    console.error('--seed and --port must be whole numbers (see --help)');
    process.exit(2);
  }
  const validate = values.validate as 'off' | 'warn' | 'strict';
  if (!['off', 'warn', 'strict'].includes(validate)) {
    console.error('--validate must be off, warn or strict');
    process.exit(2);
  }
  const spec = values.spec
    ? (JSON.parse(readFileSync(values.spec, 'utf8')) as OpenApiDocument)
    : loadContractSpec();
  let state: StoreState | undefined;
  if (values.state && existsSync(values.state)) {
    // A damaged file stops the start (and is left as it is), rather than being overwritten on exit.
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(values.state, 'utf8'));
    } catch (error) {
      console.error(`--state ${values.state}: not readable JSON (${(error as Error).message})`);
      process.exit(2);
    }
    const problem = stateProblem(parsed);
    if (problem) {
      console.error(`--state ${values.state}: ${problem}`);
      process.exit(2);
    }
    state = parsed as StoreState;
  }
  const quiet = values.quiet;
  const mock = await startMockServer({
    host: values.host,
    port,
    seed,
    spec,
    validateResponses: validate,
    ...(values.faults ? { faults: values.faults } : {}),
    ...(state ? { state } : {}),
    onViolation: (v) =>
      console.warn(`[contract] ${v.method} ${v.path} → ${v.status}: ${v.problems.join('; ')}`),
    ...(quiet
      ? {}
      : {
          onRequest: (e: { method: string; url: string; status: number; ms: number }) =>
            console.log(`${e.method} ${e.url} → ${e.status || 'dropped'} ${e.ms} ms`),
        }),
  });
  console.log(
    `bosv2-mock listening on ${mock.url} (seed ${mock.engine.seed}${state ? `, state from ${values.state}` : ''})`,
  );

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    if (values.state) {
      await mock.engine.prepare();
      writeFileSync(values.state, JSON.stringify(mock.engine.snapshot()));
      console.log(`state saved to ${values.state}`);
    }
    await mock.close();
    console.log(`stopped (${signal})`);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
