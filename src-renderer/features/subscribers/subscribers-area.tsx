import { useLocation } from '../../app/router';
import { AdoptionPage } from '../adoption/adoption-page';
import { isAdoptionRoute } from '../adoption/adoption-route';
import { SubscriberDetailPage } from './subscriber-detail-page';
import { subscriberRoute } from './subscriber-route';
import { SubscribersPage } from './subscribers-page';

/** The Subscribers area: the list at '#/t/<id>/subscribers', one subscriber's page below it, adoption at '…/subscribers/adopt'. */
export function SubscribersArea() {
  const location = useLocation();
  if (isAdoptionRoute(location.segments)) return <AdoptionPage />;
  const subscriberId = subscriberRoute(location.segments);
  if (subscriberId) return <SubscriberDetailPage key={subscriberId} subscriberId={subscriberId} />;
  return <SubscribersPage />;
}
