import { lazy, Suspense } from 'react';
import LinearProgress from '@mui/material/LinearProgress';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { useI18n } from '../i18n/use-i18n';
import type { Route } from '../routing/routes';
import { ClientsPage } from '../pages/clients/ClientsPage';

// The client list is what opens first; every other page loads on first visit so that start-up
// parses and runs only what the first screen needs.
const ClientPage = lazy(() => import('../pages/client/ClientPage').then((m) => ({ default: m.ClientPage })));
const AgendaPage = lazy(() =>
  import('../pages/meetings/preparation/PreparedAgendaPage').then((m) => ({ default: m.PreparedAgendaPage })),
);
const ProductPage = lazy(() => import('../pages/products/ProductPage').then((m) => ({ default: m.ProductPage })));
const ProductsPage = lazy(() => import('../pages/products/ProductsPage').then((m) => ({ default: m.ProductsPage })));
const ModelPage = lazy(() => import('../pages/model/ModelPage').then((m) => ({ default: m.ModelPage })));
const ModelsPage = lazy(() => import('../pages/models/ModelsPage').then((m) => ({ default: m.ModelsPage })));
const PitchPage = lazy(() => import('../pages/pitch/PitchPage').then((m) => ({ default: m.PitchPage })));
const ReviewsPage = lazy(() => import('../pages/reviews/ReviewsPage').then((m) => ({ default: m.ReviewsPage })));
const CompliancePage = lazy(() =>
  import('../pages/compliance/CompliancePage').then((m) => ({ default: m.CompliancePage })),
);
const loadAnalytics = () => import('../pages/analytics/AnalyticsPage');
const AnalyticsPage = lazy(() => loadAnalytics().then((m) => ({ default: m.AnalyticsPage })));
const ExperimentsPage = lazy(() =>
  import('../pages/experiments/ExperimentsPage').then((m) => ({ default: m.ExperimentsPage })),
);
const ExperimentResultPage = lazy(() =>
  import('../pages/experiments/ExperimentResultPage').then((m) => ({ default: m.ExperimentResultPage })),
);
const PolicyEstimatesPage = lazy(() =>
  import('../pages/policy-estimates/PolicyEstimatesPage').then((m) => ({ default: m.PolicyEstimatesPage })),
);
const SettingsPage = lazy(() => import('../pages/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));

/**
 * The Analytics page's code (its charts are most of it) is fetched once the window is idle after start, so a first
 * visit paints the figures without first loading and parsing the chart library (about 0.9 s of a first visit here).
 */
export function prefetchHeavyPages(): void {
  const fetchNow = () => void loadAnalytics().catch(() => undefined);
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(fetchNow, { timeout: 5000 });
  else window.setTimeout(fetchNow, 2000);
}

export function PageView({ route }: { route: Route }) {
  return (
    <Suspense fallback={<LinearProgress aria-label="loading" />}>
      <RoutedPage route={route} />
    </Suspense>
  );
}

function RoutedPage({ route }: { route: Route }) {
  const { t } = useI18n();
  switch (route.name) {
    case 'clients':
      return <ClientsPage />;
    case 'client':
      return <ClientPage id={route.id} />;
    case 'products':
      return <ProductsPage />;
    case 'product':
      return <ProductPage id={route.id} />;
    case 'meetings':
      return <AgendaPage />;
    case 'model':
      return <ModelPage />;
    case 'models':
      return <ModelsPage />;
    case 'pitch':
      return (
        <PitchPage key={`${route.clientId}/${route.productId}`} clientId={route.clientId} productId={route.productId} />
      );
    case 'settings':
      return <SettingsPage />;
    case 'reviews':
      return <ReviewsPage />;
    case 'compliance':
      return <CompliancePage />;
    case 'analytics':
      return <AnalyticsPage />;
    case 'experiments':
      return <ExperimentsPage />;
    case 'experiment':
      return <ExperimentResultPage key={route.id} id={route.id} />;
    case 'policy-estimates':
      return <PolicyEstimatesPage />;
    case 'not-found':
      return (
        <Alert severity="warning" sx={{ m: 2 }} action={<Button href="#/clients">{t('app.backToClients')}</Button>}>
          {t('app.notFound')}
        </Alert>
      );
  }
}
