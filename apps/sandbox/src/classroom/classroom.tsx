import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { useI18n } from '../i18n/context.js';
import type { MessageKey } from '../i18n/messages.js';
import { currentCatalog, loadCatalog } from '../state/catalog.js';
import { useProgress } from '../state/progress.js';
import { classroomSink, setClassroomSink } from './forward.js';
import { drillOf, readHandoff } from './handoff.js';
import type { ClassroomLink, ClassroomStatus } from './link.js';

// The classroom in the page: only when the trainee joined a session on this origin. The link
// (SDK client and outbox) is a separate chunk, loaded only then.

const ClassroomContext = createContext<ClassroomStatus | null>(null);

/** Whether the trainee is in a classroom session, and its state (null when not). */
export function useClassroom(): ClassroomStatus | null {
  return useContext(ClassroomContext);
}

export function ClassroomProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<ClassroomStatus | null>(null);
  const progress = useProgress();
  const { traineeName, setTraineeName, ready } = progress;

  useEffect(() => {
    const handoff = readHandoff(localStorage);
    if (!handoff) return;
    let link: ClassroomLink | undefined;
    let stopped = false;
    const unsubscribers: (() => void)[] = [];
    const begin = async () => {
      const [{ ClassroomLink }, { indexedDbStorage }] = await Promise.all([
        import('./link.js'),
        import('@bosv2/sdk/outbox/indexeddb'),
        loadCatalog(),
      ]);
      if (stopped) return;
      const { scenario } = currentCatalog();
      link = new ClassroomLink({
        handoff,
        origin: location.origin,
        storage: indexedDbStorage({ name: 'bosv2-classroom-outbox' }),
        scenarioOf: scenario,
        openStream: (url) =>
          typeof EventSource === 'function'
            ? new EventSource(url, { withCredentials: true })
            : null,
      });
      unsubscribers.push(link.subscribe(setStatus));
      await link.start();
      if (stopped) return link.stop();
      setClassroomSink(link);
      let applied = false;
      unsubscribers.push(
        link.onDrill((drill) => {
          // The trainer's class-wide drill reaches the simulated network of this page.
          if (drill === 'NONE' && !applied) return;
          applied = true;
          void import('../runtime/use-runtime.js').then(({ getRuntime }) =>
            getRuntime().then((runtime) => runtime.applyDrill(drillOf(drill))),
          );
        }),
      );
    };
    begin().catch((error: unknown) => {
      // Without IndexedDB the sandbox still works on its own; the trainer sees no progress.
      console.warn('classroom link did not start', error);
    });
    return () => {
      stopped = true;
      for (const unsubscribe of unsubscribers) unsubscribe();
      if (link && classroomSink() === link) setClassroomSink(null);
      link?.stop();
    };
  }, []);

  // The certificate carries the name the trainee joined with, unless they typed another.
  useEffect(() => {
    if (ready && status?.name && !traineeName) void setTraineeName(status.name);
  }, [ready, status?.name, traineeName, setTraineeName]);

  return <ClassroomContext.Provider value={status}>{children}</ClassroomContext.Provider>;
}

/** One line under the menu: the session, and whether every record has reached the trainer. */
export function ClassroomStatusLine() {
  const status = useClassroom();
  const { t } = useI18n();
  if (!status) return null;
  const drill =
    status.drill !== 'NONE' ? t(`classroom.drill.${drillOf(status.drill)}` as MessageKey) : null;
  return (
    <p
      className="classroom-status"
      data-testid="classroom-status"
      data-pending={status.pending}
      data-failed={status.failed}
    >
      <span>
        {t('classroom.session', { session: status.sessionName ?? '—', name: status.name || '—' })}
      </span>{' '}
      <span>
        {status.failed > 0
          ? t('classroom.failed', { n: status.failed })
          : status.pending > 0
            ? t('classroom.pending', { n: status.pending })
            : t('classroom.synced')}
      </span>
      {status.sessionStatus === 'CLOSED' ? <span> {t('classroom.closed')}</span> : null}
      {drill ? <strong> {t('classroom.drill', { drill })}</strong> : null}
    </p>
  );
}
