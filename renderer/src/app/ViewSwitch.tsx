import type { ComponentType } from 'react';
import { AlertHistoryView } from '../features/alerts/AlertHistoryView';
import { AuditView } from '../features/audit/AuditView';
import { RejectedDeliveriesView } from '../features/deliveries/RejectedDeliveriesView';
import { ActivityView } from '../features/activity/ActivityView';
import { OperateView } from '../features/machines/OperateView';
import { PeopleView } from '../features/people/PeopleView';
import { ProductionView } from '../features/production/ProductionView';
import { ReviewsView } from '../features/reviews/ReviewsView';
import { VerificationView } from '../features/verification/VerificationView';
import { useT } from '../i18n/use-t';
import { useConsole } from '../store/context';
import type { ViewId } from './navigation';

const VIEW_COMPONENTS: Record<ViewId, ComponentType> = {
  operate: OperateView,
  reviews: ReviewsView,
  alerts: AlertHistoryView,
  production: ProductionView,
  audit: AuditView,
  activity: ActivityView,
  verification: VerificationView,
  deliveries: RejectedDeliveriesView,
  people: PeopleView,
};

export function ViewSwitch() {
  const t = useT();
  const view = useConsole((s) => s.view);
  const View = VIEW_COMPONENTS[view];
  return (
    <main className="view" role="tabpanel" aria-label={t(`app:views.${view}`)}>
      <View />
    </main>
  );
}
