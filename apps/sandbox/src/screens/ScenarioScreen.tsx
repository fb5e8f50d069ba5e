import { lazy, Suspense, useEffect } from 'react';
import { useI18n } from '../i18n/context.js';
import { PlayerPreview } from '../player/Briefing.js';
import { href, type Mode, type Role } from '../router.js';
import { useCatalog } from '../state/catalog.js';

// The player (the training engine's screens, the forms, the contract) is its own chunk; the
// simulated server and the SDK are another, which the player starts in the background.
let playerChunk: Promise<typeof import('../player/Player.js')> | undefined;
const loadPlayer = () => {
  playerChunk ??= import('../player/Player.js');
  return playerChunk;
};
const Player = lazy(() => loadPlayer().then((m) => ({ default: m.Player })));

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
  // Fetched while the catalog loads, not after it (two independent downloads), but after the
  // first paint: nothing the screen's first frame needs waits for it.
  useEffect(() => {
    void loadPlayer();
  }, []);
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
        <Suspense fallback={<PlayerPreview scenario={scenario} mode={mode} />}>
          <Player key={`${scenario.id}-${mode}`} scenario={scenario} mode={mode} role={role} />
        </Suspense>
      ) : null}
    </section>
  );
}
