import { useEffect, useRef } from 'react';
import { Layout } from './components/Layout.js';
import { useI18n } from './i18n/context.js';
import { type Route, useRoute } from './router.js';
import { Certificate } from './screens/Certificate.js';
import { Home } from './screens/Home.js';
import { Modules } from './screens/Modules.js';
import { NotFound } from './screens/NotFound.js';
import { Progress } from './screens/Progress.js';
import { ScenarioScreen } from './screens/ScenarioScreen.js';
import { Settings } from './screens/Settings.js';

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'home':
      return <Home />;
    case 'modules':
      return <Modules role={route.role} />;
    case 'scenario':
      return <ScenarioScreen role={route.role} scenarioId={route.scenarioId} mode={route.mode} />;
    case 'progress':
      return <Progress />;
    case 'certificate':
      return <Certificate />;
    case 'settings':
      return <Settings />;
    case 'notFound':
      return <NotFound />;
  }
}

export function App() {
  const route = useRoute();
  const { t } = useI18n();
  const first = useRef(true);
  // A new screen: move focus to it (screen readers announce it) and name the tab after it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each route change
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('main')?.focus();
    window.scrollTo(0, 0);
  }, [
    route.name,
    route.name === 'modules' ? route.role : '',
    route.name === 'scenario' ? route.scenarioId : '',
  ]);
  useEffect(() => {
    const heading = document.querySelector('main h1')?.textContent;
    document.title = heading ? `${heading} · ${t('app.title')}` : t('app.title');
  });
  return (
    <Layout route={route}>
      <Screen route={route} />
    </Layout>
  );
}
