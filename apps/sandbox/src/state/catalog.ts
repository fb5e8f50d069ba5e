import type { Scenario, Workflow } from '@bosv2/training';
import { useEffect, useSyncExternalStore } from 'react';
import type { Locale } from '../i18n/messages.js';
import type { Role } from '../router.js';

/** The training material (@bosv2/training), loaded after the first screen to keep start-up light. */
export interface Catalog {
  /** `loading` until the training package has loaded; `failed` if it could not. */
  status: 'loading' | 'ready' | 'failed';
  workflows: readonly Workflow[];
  scenarios: readonly Scenario[];
  scenario(id: string): Scenario | undefined;
  scenarioTitle(id: string, locale: Locale): string;
  workflowTitle(id: string, locale: Locale): string;
}

/** A workflow with its scenarios, grouped under its BOS V2 menu section. */
export interface ModuleGroup {
  /** The menu path above the workflow's own item (e.g. `Laporan › Giat Wajib Harian`). */
  section: string;
  modules: { workflow: Workflow; scenarios: Scenario[] }[];
}

export function makeCatalog(
  workflows: readonly Workflow[],
  scenarios: readonly Scenario[],
): Catalog {
  const byId = new Map(scenarios.map((s) => [s.id, s]));
  const workflowById = new Map(workflows.map((w) => [w.id, w]));
  return {
    status: 'ready',
    workflows,
    scenarios,
    scenario: (id) => byId.get(id),
    scenarioTitle: (id, locale) => byId.get(id)?.title[locale] ?? id,
    workflowTitle: (id, locale) => workflowById.get(id)?.title[locale] ?? id,
  };
}

/**
 * The modules a role sees, grouped by BOS V2 menu section in the order of the menu (the order
 * the training package lists its workflows in). The trainer sees every role's modules.
 */
export function modulesFor(catalog: Catalog, role: Role): ModuleGroup[] {
  const groups = new Map<string, ModuleGroup>();
  for (const workflow of catalog.workflows) {
    if (role !== 'trainer' && workflow.role !== role) continue;
    const section =
      workflow.menu.length > 1 ? workflow.menu.slice(0, -1).join(' › ') : (workflow.menu[0] ?? '');
    const group = groups.get(section) ?? { section, modules: [] };
    group.modules.push({
      workflow,
      scenarios: catalog.scenarios.filter((s) => s.workflow === workflow.id),
    });
    groups.set(section, group);
  }
  return [...groups.values()];
}

const empty: Catalog = {
  status: 'loading',
  workflows: [],
  scenarios: [],
  scenario: () => undefined,
  scenarioTitle: (id) => id,
  workflowTitle: (id) => id,
};

let current: Catalog = empty;
let loading: Promise<void> | undefined;
const listeners = new Set<() => void>();

/** The catalog as it is now (empty while the training package loads). */
export function currentCatalog(): Catalog {
  return current;
}

/** Loads the training package once (it is a separate chunk, cached by the service worker). */
export function loadCatalog(): Promise<void> {
  loading ??= import('@bosv2/training/data').then(
    (training) => {
      current = makeCatalog(training.workflows, training.scenarios);
      for (const listener of listeners) listener();
    },
    () => {
      current = { ...empty, status: 'failed' };
      loading = undefined;
      for (const listener of listeners) listener();
    },
  );
  return loading;
}

export function useCatalog(): Catalog {
  useEffect(() => {
    void loadCatalog();
  }, []);
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
    () => current,
  );
}
