import { lazy, Suspense } from 'react';
import { useI18n } from '../i18n/context.js';
import { href, type Mode, type Role } from '../router.js';
import { useCatalog } from '../state/catalog.js';

// The player (the training engine, the forms, the simulated server and the SDK) is its own chunk.
const Player = lazy(() => import('../player/Player.js').then((m) => ({ default: m.Player })));

export function ScenarioScreen({
  role,
  scenarioId,
  mode,
}: {
  role: Role;
  scenarioId: string;
  mode: Mode;
}) {
  const { t, locale } = useI18n();
  const catalog = useCatalog();
  const scenario = catalog.scenario(scenarioId);
  return (
    <section aria-labelledby="scenario-heading">
      <p>
        <a href={href({ name: 'modules', role })}>← {t('nav.back')}</a>
      </p>
      <h1 id="scenario-heading">
        {scenario
          ? scenario.title[locale]
          : catalog.status === 'loading'
            ? t('common.loading')
            : t('scenario.notFound')}
      </h1>
      {catalog.status === 'failed' ? (
        <p className="note note-warn">{t('modules.unavailable')}</p>
      ) : null}
      {scenario ? (
        <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
          <Player key={`${scenario.id}-${mode}`} scenario={scenario} mode={mode} role={role} />
        </Suspense>
      ) : null}
    </section>
  );
}
