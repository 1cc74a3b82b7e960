/** The screens the app can show, each reachable by a hash so Back and Forward work without a router package. */
export type Route =
  | { name: 'clients' }
  | { name: 'client'; id: string }
  | { name: 'products' }
  | { name: 'product'; id: string }
  | { name: 'meetings' }
  | { name: 'model' }
  | { name: 'models' }
  | { name: 'pitch'; clientId: string; productId: string }
  | { name: 'settings' }
  | { name: 'reviews' }
  | { name: 'compliance' }
  | { name: 'analytics' }
  | { name: 'experiments' }
  | { name: 'experiment'; id: string }
  | { name: 'policy-estimates' }
  | { name: 'not-found'; hash: string };

export type Section =
  | 'clients'
  | 'products'
  | 'meetings'
  | 'reviews'
  | 'model'
  | 'models'
  | 'compliance'
  | 'analytics'
  | 'settings'
  | 'experiments'
  | 'policy-estimates';

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '') || '/clients';
  const parts = path
    .split('/')
    .filter(Boolean)
    .map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return p;
      }
    });
  const [head, id, ...rest] = parts;
  // A client's pitch for one product: #/clients/:id/pitch/:productId.
  if (head === 'clients' && id && rest.length === 2 && rest[0] === 'pitch' && rest[1])
    return { name: 'pitch', clientId: id, productId: rest[1] };
  if (rest.length > 0) return { name: 'not-found', hash };
  if (head === 'clients') return id ? { name: 'client', id } : { name: 'clients' };
  if (head === 'products') return id ? { name: 'product', id } : { name: 'products' };
  if (head === 'meetings' && !id) return { name: 'meetings' };
  if (head === 'model' && !id) return { name: 'model' };
  if (head === 'models' && !id) return { name: 'models' };
  if (head === 'settings' && !id) return { name: 'settings' };
  if (head === 'reviews' && !id) return { name: 'reviews' };
  if (head === 'compliance' && !id) return { name: 'compliance' };
  if (head === 'analytics' && !id) return { name: 'analytics' };
  if (head === 'experiments') return id ? { name: 'experiment', id } : { name: 'experiments' };
  if (head === 'policy-estimates' && !id) return { name: 'policy-estimates' };
  return { name: 'not-found', hash };
}

export function hrefFor(route: Exclude<Route, { name: 'not-found' }>): string {
  switch (route.name) {
    case 'client':
      return `#/clients/${encodeURIComponent(route.id)}`;
    case 'product':
      return `#/products/${encodeURIComponent(route.id)}`;
    case 'pitch':
      return `#/clients/${encodeURIComponent(route.clientId)}/pitch/${encodeURIComponent(route.productId)}`;
    case 'experiment':
      return `#/experiments/${encodeURIComponent(route.id)}`;
    default:
      return `#/${route.name}`;
  }
}

export function sectionOf(route: Route): Section | null {
  switch (route.name) {
    case 'clients':
    case 'client':
    case 'pitch':
      return 'clients';
    case 'products':
    case 'product':
      return 'products';
    case 'meetings':
      return 'meetings';
    case 'model':
      return 'model';
    case 'models':
      return 'models';
    case 'settings':
      return 'settings';
    case 'reviews':
      return 'reviews';
    case 'compliance':
      return 'compliance';
    case 'analytics':
      return 'analytics';
    case 'experiments':
    case 'experiment':
      return 'experiments';
    case 'policy-estimates':
      return 'policy-estimates';
    default:
      return null;
  }
}
