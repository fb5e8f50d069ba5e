import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { loadSpec } from '@bosv2/contract';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { loadScenarioDir } from './node.js';
import { scenarios, workflows } from './scenarios.gen.js';
import { mistakeActions, perfectActions, play } from './simulate.js';
import { MODES, type Scenario } from './types.js';
import { validateScenario } from './validate.js';

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020) => void;

let counter = 0;
const options = () => ({
  now: () => 1_700_000_000_000,
  uuid: () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`,
});

describe('the scenario files', () => {
  const files = loadScenarioDir();

  it('all validate against scenario.schema.json and their cross-references hold', () => {
    expect(files.length).toBeGreaterThanOrEqual(75);
    for (const scenario of files) expect(validateScenario(scenario), scenario.id).toEqual([]);
  });

  it('are what the bundled list holds (src/scenarios.gen.ts is not stale)', () => {
    expect(scenarios.map((s) => s.id).sort()).toEqual(files.map((s) => s.id).sort());
    for (const file of files) expect(scenarios.find((s) => s.id === file.id)).toEqual(file);
  });

  it('cover every workflow with a clean case, a refusal and a network drop or server error', () => {
    expect(workflows).toHaveLength(25);
    for (const w of workflows) {
      const variants = scenarios.filter((s) => s.workflow === w.id).map((s) => s.variant);
      expect(variants, w.id).toContain('clean');
      expect(variants, w.id).toContain('refusal');
      expect(variants.includes('network-drop') || variants.includes('server-error'), w.id).toBe(
        true,
      );
    }
  });

  it('a broken scenario is refused by the schema and by the reference check', () => {
    const broken = structuredClone(scenarios[0]) as Scenario;
    expect(validateScenario({ ...broken, passMark: 'high' })).not.toEqual([]);
    broken.mistakes = [
      { ...(broken.mistakes[0] as Scenario['mistakes'][number]), rubricItem: 'nope' },
    ];
    expect(validateScenario(broken).join('\n')).toMatch(/rubric item "nope"/);
  });
});

describe('the scenarios against the contract', () => {
  const spec = structuredClone(loadSpec()) as unknown as Record<string, unknown>;
  const strip = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(strip);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      const discriminator = record.discriminator as Record<string, unknown> | undefined;
      if (discriminator && typeof discriminator === 'object') delete discriminator.mapping;
      Object.values(record).forEach(strip);
    }
  };
  strip(spec);
  const ajv = new Ajv2020({ strict: false, discriminator: true, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('password', true);
  ajv.addSchema(spec, 'contract');
  const operations = new Map<string, Record<string, unknown>>();
  for (const item of Object.values(spec.paths as Record<string, Record<string, unknown>>)) {
    for (const op of Object.values(item)) {
      const o = op as Record<string, unknown>;
      if (o && typeof o === 'object' && typeof o.operationId === 'string')
        operations.set(o.operationId, o);
    }
  }
  const bodySchemaRef = (operationId: string): string | undefined => {
    const body = operations.get(operationId)?.requestBody as
      | { content: Record<string, { schema: { $ref?: string } }> }
      | undefined;
    if (!body) return undefined;
    const ref = Object.values(body.content)[0]?.schema.$ref;
    return ref ? `contract${ref}` : undefined;
  };

  it('every entry step names an operation of the contract', () => {
    for (const s of scenarios) {
      for (const step of s.steps) {
        if (step.kind === 'entry')
          expect(operations.has(step.operationId), `${s.id} ${step.id}`).toBe(true);
      }
    }
  });

  it("every expected entry is accepted by its operation's request schema, and body-less operations expect none", () => {
    let checked = 0;
    for (const s of scenarios) {
      for (const step of s.steps) {
        if (step.kind !== 'entry') continue;
        const ref = bodySchemaRef(step.operationId);
        if (!ref) {
          expect(step.expected, `${s.id} ${step.id} sends no body`).toBeUndefined();
          continue;
        }
        expect(step.expected, `${s.id} ${step.id} needs an expected body`).toBeDefined();
        const validate = ajv.getSchema(ref);
        if (!validate) throw new Error(`no schema ${ref}`);
        const ok = validate(step.expected);
        expect(ok ? [] : validate.errors, `${s.id} ${step.id} (${step.operationId})`).toEqual([]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(120);
  });

  it('the contract check fails on an entry the contract refuses', () => {
    const validate = ajv.getSchema('contract#/components/schemas/ActivityInput');
    const dds = scenarios.find((s) => s.id === 'dds-warga.clean');
    const step = dds?.steps.find((x) => x.id === 'fill-form');
    const body = structuredClone(step && 'expected' in step ? step.expected : {}) as Record<
      string,
      unknown
    >;
    expect(validate?.(body)).toBe(true);
    expect(validate?.({ ...body, description: 'terlalu pendek' })).toBe(false);
    expect(
      validate?.({ ...body, details: { ...(body.details as object), headOfHousehold: undefined } }),
    ).toBe(false);
  });
});

describe('places', () => {
  const require = createRequire(import.meta.url);
  const dataDir = join(dirname(require.resolve('idn-area-data/package.json')), 'data');
  const villageRows = readFileSync(join(dataDir, 'villages.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1);
  const names = new Map(villageRows.map((l) => [l.split(',')[0], l.split(',')[2]]));
  const districts = new Map(
    readFileSync(join(dataDir, 'districts.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => [l.split(',')[0], l.split(',')[2]]),
  );

  it('every desa code is a real desa of Kabupaten Hulu Sungai Utara with the right names', () => {
    expect(names.size).toBeGreaterThan(80_000);
    for (const s of scenarios) {
      const { desaCode, desaName, kecamatanName } = s.setting;
      expect(desaCode.startsWith('63.08.'), s.id).toBe(true);
      expect(names.get(desaCode), s.id).toBe(desaName);
      expect(districts.get(desaCode.slice(0, 8)), s.id).toBe(kecamatanName);
      const codes = JSON.stringify(s.steps).match(/\d{2}\.\d{2}\.\d{2}\.\d{4}/g) ?? [];
      for (const code of codes) expect(names.has(code), `${s.id} ${code}`).toBe(true);
    }
  });
});

describe.each(scenarios.map((s) => [s.id, s] as const))('scenario %s', (_id, scenario) => {
  it.each(MODES)('a perfect trainee gets full marks in %s mode', (mode) => {
    const { session, replies } = play(scenario, mode, perfectActions(scenario), options());
    const score = session.score();
    expect(score.findings).toEqual([]);
    expect(score.raw).toBe(score.max);
    expect(score.passed).toBe(true);
    expect(replies.at(-1)?.done).toBe(true);
    expect(replies.every((r) => r.applied)).toBe(true);
    const statements = session.statements();
    expect(new Set(statements.map((x) => x.id)).size).toBe(statements.length);
    const last = statements.at(-1);
    expect(last?.verb.id).toBe('http://adlnet.gov/expapi/verbs/passed');
    expect(last?.result?.score).toEqual({ raw: score.max, min: 0, max: score.max, scaled: 1 });
    expect(last?.result?.success).toBe(true);
  });

  it.each(scenario.mistakes.map((m) => [m.id, m] as const))(
    'mistake %s gives its feedback and loses its points',
    (_mid, mistake) => {
      const actions = mistakeActions(scenario, mistake.id);
      const practice = play(scenario, 'practice', actions, options());
      const shown = practice.replies.flatMap((r) => r.feedback);
      expect(shown.map((f) => f.id)).toEqual([mistake.id]);
      expect(shown[0]?.feedback).toEqual(mistake.feedback);
      const score = practice.session.score();
      expect(score.max - score.raw).toBe(mistake.points);
      const item = score.items.find((i) => i.id === mistake.rubricItem);
      expect(item?.deductions.map((d) => d.finding)).toEqual([mistake.id]);

      const exam = play(scenario, 'exam', actions, options());
      expect(exam.replies.slice(0, -1).flatMap((r) => r.feedback)).toEqual([]);
      expect(exam.replies.at(-1)?.score?.findings.map((f) => f.id)).toEqual([mistake.id]);
      expect(exam.session.score().raw).toBe(score.raw);
    },
  );
});
