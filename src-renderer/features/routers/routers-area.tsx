import { routerRoute } from '../../app/paths';
import { useLocation } from '../../app/router';
import { RouterDashboardPage } from './router-dashboard-page';
import { RoutersPage } from './routers-page';

/** The Routers area: the list at '#/t/<id>/routers', a router's dashboard below it. */
export function RoutersArea() {
  const location = useLocation();
  const route = routerRoute(location.segments);
  if (route) return <RouterDashboardPage key={route.routerId} routerId={route.routerId} tab={route.tab} />;
  return <RoutersPage />;
}
