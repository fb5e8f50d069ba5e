import type { OutboxSnapshot } from '@bosv2/sdk/outbox';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { readSeed } from '../state/settings.js';
import type { SandboxRuntime } from './runtime.js';

// One runtime per page, loaded on first use: the mock, the contract and the SDK are a separate
// chunk, so the home screen starts fast on a cheap phone.

let runtime: Promise<SandboxRuntime> | undefined;

export function getRuntime(): Promise<SandboxRuntime> {
  runtime ??= import('./runtime.js').then(async ({ SandboxRuntime }) => {
    const created = new SandboxRuntime({
      seed: readSeed(),
      origin: location.origin,
      sessionStorage: localStorage,
      locale: document.documentElement.lang === 'en' ? 'en' : 'id',
    });
    await created.start();
    return created;
  });
  return runtime;
}

/** The runtime once it has started (null before). */
export function useRuntime(): SandboxRuntime | null {
  const [value, setValue] = useState<SandboxRuntime | null>(null);
  useEffect(() => {
    let live = true;
    void getRuntime().then((r) => {
      if (live) setValue(r);
    });
    return () => {
      live = false;
    };
  }, []);
  return value;
}

/** The outbox's state, re-rendered on every change (its snapshots are new objects each time). */
export function useOutbox(runtime: SandboxRuntime | null): OutboxSnapshot | null {
  const [snapshot, setSnapshot] = useState<OutboxSnapshot | null>(null);
  useEffect(() => (runtime ? runtime.outbox.subscribe(setSnapshot) : undefined), [runtime]);
  return snapshot;
}

/** Whether the simulated network is up (device signal and drill). */
export function useNetworkOnline(runtime: SandboxRuntime | null): boolean {
  return useSyncExternalStore(
    (listener) => runtime?.network.subscribe(() => listener()) ?? (() => {}),
    () => runtime?.network.isOnline() ?? navigator.onLine,
    () => true,
  );
}
