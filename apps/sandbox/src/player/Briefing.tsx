import type { Scenario } from '@bosv2/training';
import { useI18n } from '../i18n/context.js';
import type { Mode } from '../router.js';

// The scenario's situation, and the player as it looks before its code has loaded. Both are
// small and load with the app (not with the player's chunk): the trainee reads the situation
// while the player, its forms and the simulated server load.

/** The scenario's situation: what happened, who the trainee is, where and when. */
export function Briefing({
  scenario,
  mode,
  open,
}: {
  scenario: Scenario;
  mode: Mode;
  open: boolean;
}) {
  const { t, locale } = useI18n();
  const { setting } = scenario;
  return (
    <details className="briefing" open={open}>
      <summary>{t('scenario.briefing')}</summary>
      <p className="briefing-text">{scenario.briefing[locale]}</p>
      <p className="hint">
        {setting.persona.rank ? `${setting.persona.rank} ` : ''}
        {setting.persona.name} · {setting.desaName}, {setting.kecamatanName} · {setting.date}
        {setting.time ? ` ${setting.time}` : ''}
      </p>
      {mode === 'exam' ? (
        <p className="hint">{t('scenario.passMark', { score: scenario.passMark })}</p>
      ) : null}
    </details>
  );
}

/**
 * The player's head and the situation, laid out as the player lays them out, with a loading
 * line where the steps will be: shown until the player can start the attempt.
 */
export function PlayerPreview({ scenario, mode }: { scenario: Scenario; mode: Mode }) {
  const { t, locale } = useI18n();
  return (
    <div className="player" aria-busy="true" data-testid="player-preview">
      <div className="player-head">
        <p className="hint">
          {t(`mode.${mode}`)} · {scenario.title[locale]}
        </p>
        <p className="step-count">{t('scenario.step', { n: 1, total: scenario.steps.length })}</p>
      </div>
      <Briefing scenario={scenario} mode={mode} open />
      <p role="status">{t('common.loading')}</p>
    </div>
  );
}
