import type { ComponentType } from 'react';
import { ActivityView } from '../features/activity/ActivityView';
import { OperateView } from '../features/machines/OperateView';
import { VerificationView } from '../features/verification/VerificationView';
import { useConsole } from '../store/context';
import type { ViewId } from './navigation';

const VIEW_COMPONENTS: Record<ViewId, ComponentType> = {
  operate: OperateView,
  activity: ActivityView,
  verification: VerificationView,
};

export function ViewSwitch() {
  const view = useConsole((s) => s.view);
  const View = VIEW_COMPONENTS[view];
  return (
    <main className="view" role="tabpanel" aria-label={view}>
      <View />
    </main>
  );
}
