import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';
import { forwardToClassroom } from '../classroom/forward.js';
import {
  openProgressDb,
  type PersistState,
  type ProgressDb,
  requestPersistence,
} from '../progress/db.js';
import { type ProgressSummary, summarize } from '../progress/summary.js';
import type { Attempt, XapiStatement } from '../progress/types.js';

export interface ProgressState {
  ready: boolean;
  attempts: Attempt[];
  summary: ProgressSummary;
  persist: PersistState | 'pending';
  traineeName: string;
  setTraineeName(name: string): Promise<void>;
  record(attempts: Attempt[]): Promise<number>;
  /** Keeps learning records (xAPI statements); answers how many were new. */
  recordStatements(statements: XapiStatement[]): Promise<number>;
  /** Every learning record on the device, oldest first. */
  listStatements(): Promise<XapiStatement[]>;
  clear(): Promise<void>;
  /** A named value on the device (an attempt in progress, say). */
  loadValue<T>(key: string): Promise<T | undefined>;
  saveValue(key: string, value: unknown): Promise<void>;
}

const ProgressContext = createContext<ProgressState | null>(null);
const openDefault = () => openProgressDb();

/** Loads the progress from IndexedDB once, asks for persistent storage, keeps both in state. */
export function ProgressProvider({
  children,
  open = openDefault,
}: {
  children: ReactNode;
  open?: () => Promise<ProgressDb>;
}) {
  const [db, setDb] = useState<ProgressDb | null>(null);
  const [attempts, setAttempts] = useState<Attempt[]>([]);
  const [traineeName, setName] = useState('');
  const [persist, setPersist] = useState<PersistState | 'pending'>('pending');

  useEffect(() => {
    let opened: ProgressDb | undefined;
    let cancelled = false;
    void (async () => {
      opened = await open();
      const [list, name] = await Promise.all([
        opened.listAttempts(),
        opened.getValue<string>('traineeName'),
      ]);
      if (cancelled) return;
      setAttempts(list);
      setName(name ?? '');
      setDb(opened);
    })();
    void requestPersistence().then((state) => {
      if (!cancelled) setPersist(state);
    });
    return () => {
      cancelled = true;
      opened?.close();
    };
  }, [open]);

  const record = useCallback(
    async (list: Attempt[]) => {
      if (!db) throw new Error('progress is not loaded yet');
      const added = await db.addAttempts(list);
      setAttempts(await db.listAttempts());
      return added;
    },
    [db],
  );
  const recordStatements = useCallback(
    async (list: XapiStatement[]) => {
      if (!db) throw new Error('progress is not loaded yet');
      const added = await db.addStatements(list);
      forwardToClassroom(list);
      return added;
    },
    [db],
  );
  const listStatements = useCallback(async () => (db ? db.listStatements() : []), [db]);
  const clear = useCallback(async () => {
    if (!db) return;
    await db.clearAttempts();
    setAttempts([]);
  }, [db]);
  const setTraineeName = useCallback(
    async (name: string) => {
      setName(name);
      await db?.setValue('traineeName', name);
    },
    [db],
  );
  const loadValue = useCallback(
    async <T,>(key: string) => (db ? db.getValue<T>(key) : undefined),
    [db],
  );
  const saveValue = useCallback(
    async (key: string, value: unknown) => {
      await db?.setValue(key, value);
    },
    [db],
  );
  const summary = useMemo(() => summarize(attempts), [attempts]);
  const value = useMemo<ProgressState>(
    () => ({
      ready: db !== null,
      attempts,
      summary,
      persist,
      traineeName,
      setTraineeName,
      record,
      recordStatements,
      listStatements,
      clear,
      loadValue,
      saveValue,
    }),
    [
      db,
      attempts,
      summary,
      persist,
      traineeName,
      setTraineeName,
      record,
      recordStatements,
      listStatements,
      clear,
      loadValue,
      saveValue,
    ],
  );
  return <ProgressContext.Provider value={value}>{children}</ProgressContext.Provider>;
}

export function useProgress(): ProgressState {
  const value = useContext(ProgressContext);
  if (!value) throw new Error('useProgress needs a <ProgressProvider> above it');
  return value;
}
