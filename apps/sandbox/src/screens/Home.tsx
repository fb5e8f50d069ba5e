import { useI18n } from '../i18n/context.js';
import { href, ROLES } from '../router.js';

/** The start: choose a role. */
export function Home() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="home-heading">
      <h1 id="home-heading">{t('home.heading')}</h1>
      <p>{t('home.intro')}</p>
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
