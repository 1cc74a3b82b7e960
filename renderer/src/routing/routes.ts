/** The screens the app can show, each reachable by a hash so Back and Forward work without a router package. */
export type Route =
  | { name: 'clients' }
  | { name: 'client'; id: string }
  | { name: 'products' }
  | { name: 'product'; id: string }
  | { name: 'meetings' }
  | { name: 'model' }
  | { name: 'models' }
  | { name: 'settings' }
  | { name: 'not-found'; hash: string };

export type Section = 'clients' | 'products' | 'meetings' | 'model' | 'models' | 'settings';

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '') || '/clients';
  const parts = path.split('/').filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  const [head, id, ...rest] = parts;
  if (rest.length > 0) return { name: 'not-found', hash };
  if (head === 'clients') return id ? { name: 'client', id } : { name: 'clients' };
  if (head === 'products') return id ? { name: 'product', id } : { name: 'products' };
  if (head === 'meetings' && !id) return { name: 'meetings' };
  if (head === 'model' && !id) return { name: 'model' };
  if (head === 'models' && !id) return { name: 'models' };
  if (head === 'settings' && !id) return { name: 'settings' };
  return { name: 'not-found', hash };
}

export function hrefFor(route: Exclude<Route, { name: 'not-found' }>): string {
  switch (route.name) {
    case 'client':
      return `#/clients/${encodeURIComponent(route.id)}`;
    case 'product':
      return `#/products/${encodeURIComponent(route.id)}`;
    default:
      return `#/${route.name}`;
  }
}

export function sectionOf(route: Route): Section | null {
  switch (route.name) {
    case 'clients':
    case 'client':
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
    default:
      return null;
  }
}
