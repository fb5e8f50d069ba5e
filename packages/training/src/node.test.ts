import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getScenario } from './index.js';
import { loadScenarioDir, loadScenarioFile } from './node.js';

const dir = mkdtempSync(join(tmpdir(), 'bosv2-training-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loading scenario files', () => {
  it("reads a trainer's own JSON scenario from a folder", () => {
    const mine = { ...structuredClone(getScenario('binluh.clean')), id: 'binluh.clean-2' };
    mkdirSync(join(dir, 'binluh'), { recursive: true });
    writeFileSync(
      join(dir, 'binluh', 'clean-2.json'),
      JSON.stringify({ $schema: '../x.json', ...mine }),
    );
    expect(loadScenarioDir(dir)).toEqual([mine]);
  });

  it('refuses an invalid file, naming the file and the problem', () => {
    const broken = { ...structuredClone(getScenario('binluh.clean')), steps: [] };
    const path = join(dir, 'broken.json');
    writeFileSync(path, JSON.stringify(broken));
    expect(() => loadScenarioFile(path)).toThrow(
      /broken\.json is not a valid scenario:\n {2}\/steps must NOT have fewer than 1 items/,
    );
  });
});
