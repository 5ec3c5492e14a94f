import { useLocation } from '../../app/router';
import { SubscriberDetailPage } from './subscriber-detail-page';
import { subscriberRoute } from './subscriber-route';
import { SubscribersPage } from './subscribers-page';

/** The Subscribers area: the list at '#/t/<id>/subscribers', one subscriber's page below it. */
export function SubscribersArea() {
  const location = useLocation();
  const subscriberId = subscriberRoute(location.segments);
  if (subscriberId) return <SubscriberDetailPage key={subscriberId} subscriberId={subscriberId} />;
  return <SubscribersPage />;
}
