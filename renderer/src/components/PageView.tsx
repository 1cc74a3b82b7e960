import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { useI18n } from '../i18n/use-i18n';
import type { Route } from '../routing/routes';
import { ClientPage } from '../pages/client/ClientPage';
import { ClientsPage } from '../pages/clients/ClientsPage';
import { MeetingsPage } from '../pages/meetings/MeetingsPage';
import { ProductPage } from '../pages/products/ProductPage';
import { ProductsPage } from '../pages/products/ProductsPage';
import { SettingsPage } from '../pages/settings/SettingsPage';

export function PageView({ route }: { route: Route }) {
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
      return <MeetingsPage />;
    case 'settings':
      return <SettingsPage />;
    case 'not-found':
      return (
        <Alert severity="warning" sx={{ m: 2 }} action={<Button href="#/clients">{t('app.backToClients')}</Button>}>
          {t('app.notFound')}
        </Alert>
      );
  }
}
