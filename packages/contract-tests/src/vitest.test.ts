import { afterAll, beforeAll } from 'vitest';
import {
  CREDENTIALS,
  type FixtureServer,
  SPEC_PATH,
  startFixtureServer,
} from '../test/fixtures/server.js';
import { describeContract } from './vitest.js';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(() => server.close());

describeContract('the vitest helper on the fixture server', () => ({
  baseUrl: server.baseUrl,
  spec: SPEC_PATH,
  credentials: CREDENTIALS,
  seed: 3,
  maxExamples: 10,
}));
