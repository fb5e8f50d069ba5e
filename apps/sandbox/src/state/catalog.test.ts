import { scenarios, workflows } from '@bosv2/training';
import { describe, expect, it } from 'vitest';
import { makeCatalog, modulesFor } from './catalog.js';

const catalog = makeCatalog(workflows, scenarios);

describe('modulesFor', () => {
  it('lists only the role’s workflows, each with its scenarios', () => {
    const groups = modulesFor(catalog, 'citizen');
    const modules = groups.flatMap((g) => g.modules);
    expect(modules.length).toBeGreaterThan(0);
    for (const { workflow, scenarios: list } of modules) {
      expect(workflow.role).toBe('citizen');
      expect(list.length).toBeGreaterThan(0);
      for (const scenario of list) expect(scenario.workflow).toBe(workflow.id);
    }
  });

  it('keeps the BOS V2 menu order and puts the DDS menus under Laporan › Giat Wajib Harian', () => {
    const groups = modulesFor(catalog, 'bhabinkamtibmas');
    const order = workflows.map((w) => w.id);
    for (const group of groups) {
      const ids = group.modules.map((m) => order.indexOf(m.workflow.id));
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
    }
    const dds = groups.find((g) => g.modules.some((m) => m.workflow.id === 'dds-warga'));
    expect(dds?.section).toBe('Laporan › Giat Wajib Harian › DDS');
  });

  it('shows a trainer every module of every role', () => {
    const all = modulesFor(catalog, 'trainer').flatMap((g) => g.modules);
    expect(all).toHaveLength(workflows.length);
  });

  it('covers every scenario of the training package in some role', () => {
    const listed = new Set(
      modulesFor(catalog, 'trainer').flatMap((g) =>
        g.modules.flatMap((m) => m.scenarios.map((s) => s.id)),
      ),
    );
    expect(listed.size).toBe(scenarios.length);
  });
});
