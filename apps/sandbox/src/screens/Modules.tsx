import { useI18n } from '../i18n/context.js';
import { href, MODES, type Role } from '../router.js';
import { modulesFor, useCatalog } from '../state/catalog.js';
import { useProgress } from '../state/progress.js';

/** The modules (workflows) of a role, grouped and ordered as the BOS V2 menu, with progress. */
export function Modules({ role }: { role: Role }) {
  const { t, locale } = useI18n();
  const catalog = useCatalog();
  const { summary } = useProgress();
  const groups = catalog.status === 'ready' ? modulesFor(catalog, role) : [];
  return (
    <section aria-labelledby="modules-heading">
      <p>
        <a href="#/">← {t('nav.back')}</a>
      </p>
      <h1 id="modules-heading">{t('modules.heading', { role: t(`role.${role}`) })}</h1>
      {catalog.status === 'loading' ? <p role="status">{t('common.loading')}</p> : null}
      {catalog.status === 'failed' ? (
        <p className="note note-warn">{t('modules.unavailable')}</p>
      ) : null}
      {catalog.status === 'ready' && groups.length === 0 ? <p>{t('modules.empty')}</p> : null}
      {groups.map((group) => (
        <section key={group.section} className="module-group" aria-label={group.section}>
          <h2 className="menu-path">{group.section}</h2>
          <ul className="module-list">
            {group.modules.map(({ workflow, scenarios }) => {
              const passed = summary.passedWorkflows.has(workflow.id);
              return (
                <li key={workflow.id} className="module" data-testid={`module-${workflow.id}`}>
                  <h3>
                    {workflow.title[locale]}
                    {passed ? <span className="badge">{t('modules.passed')}</span> : null}
                  </h3>
                  {workflow.designedByKit ? (
                    <p className="hint">{t('modules.designedByKit')}</p>
                  ) : null}
                  <ul className="scenario-list">
                    {scenarios.map((scenario) => {
                      const progress = summary.byScenario.get(scenario.id);
                      return (
                        <li key={scenario.id}>
                          <p className="scenario-title">
                            {scenario.title[locale]}
                            <span className="scenario-progress">
                              {progress
                                ? t('modules.best', { score: progress.bestPercent })
                                : t('modules.notStarted')}
                            </span>
                          </p>
                          <p className="mode-links">
                            {MODES.map((mode) => (
                              <a
                                key={mode}
                                className="button button-secondary button-small"
                                href={href({
                                  name: 'scenario',
                                  role,
                                  scenarioId: scenario.id,
                                  mode,
                                })}
                                data-testid={`start-${scenario.id}-${mode}`}
                                aria-label={`${t(`mode.${mode}`)}: ${scenario.title[locale]}`}
                              >
                                {t(`mode.${mode}`)}
                              </a>
                            ))}
                          </p>
                        </li>
                      );
                    })}
                  </ul>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </section>
  );
}
