import { useClassroom } from '../classroom/classroom.js';
import { useI18n } from '../i18n/context.js';
import { href, ROLES } from '../router.js';
import { useCatalog } from '../state/catalog.js';

/** The modules the trainer chose for the session the trainee joined, each opening its first scenario. */
function ClassroomModules() {
  const classroom = useClassroom();
  // Only a trainee in a session loads the training material here: the home page stays light.
  if (!classroom || classroom.modules.length === 0) return null;
  return <ModuleLinks modules={classroom.modules} />;
}

function ModuleLinks({ modules }: { modules: readonly string[] }) {
  const catalog = useCatalog();
  const { t, locale } = useI18n();
  if (catalog.status !== 'ready') return null;
  const items = modules.flatMap((id) => {
    const workflow = catalog.workflows.find((w) => w.id === id);
    const first = catalog.scenarios.find((s) => s.workflow === id);
    if (!workflow || !first) return [];
    const link = href({
      name: 'scenario',
      scenarioId: first.id,
      mode: 'guided',
      role: workflow.role,
    });
    return [{ id, link, title: workflow.title[locale] }];
  });
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="classroom-modules" data-testid="classroom-modules">
      <h2 id="classroom-modules">{t('classroom.modules')}</h2>
      <ul className="card-list">
        {items.map((item) => (
          <li key={item.id}>
            <a className="card" href={item.link}>
              <span className="card-title">{item.title}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The start: choose a role. */
export function Home() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="home-heading">
      <h1 id="home-heading">{t('home.heading')}</h1>
      <p>{t('home.intro')}</p>
      <ClassroomModules />
      <ul className="card-list">
        {ROLES.map((role) => (
          <li key={role}>
            <a className="card" href={href({ name: 'modules', role })} data-testid={`role-${role}`}>
              <span className="card-title">{t(`role.${role}`)}</span>
              <span className="card-detail">{t(`role.${role}.detail`)}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
