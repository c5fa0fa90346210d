import { useState } from 'react';
import type { AlertView } from '../../../../shared/api/alerts';
import { useT } from '../../i18n/use-t';
import { actionKey, selectBusy } from '../../store/actions';
import { useConsole } from '../../store/context';
import { selectOffer, selectReadOnly } from '../../store/people-slice';
import { AlarmRow } from './AlarmRow';
import { mayBeShelved } from './alarm-order';
import { ShelveDialog } from './ShelveDialog';

/**
 * Alerts that do not hold issuance waiting on a button here (a stop with an error, a silent or unreachable machine, a
 * card left in the encoder): Acknowledge once someone has seen to it, and Shelve for a supervisor who knows it will
 * stand for a while (the core says who may, and refuses a kind whose buttons must stay in view).
 */
export function NoticeAlert({
  alert,
  followOn,
  expanded,
  onToggle,
}: {
  alert: AlertView;
  followOn: readonly AlertView[];
  expanded: boolean;
  onToggle: () => void;
}) {
  const t = useT();
  const busy = useConsole(selectBusy(actionKey.alert(alert.id)));
  const acknowledge = useConsole((s) => s.acknowledgeAlert);
  const showView = useConsole((s) => s.showView);
  const readOnly = useConsole(selectReadOnly);
  const mayShelve = useConsole(selectOffer('shelveAlert', { id: alert.id, minutes: 60, reason: 'x' })) !== 'refused';
  const [shelving, setShelving] = useState(false);

  const buttons = (
    <>
      {alert.kind === 'encoder-wait' && (
        <button type="button" className="btn btn-row" onClick={() => showView('reviews')}>
          <span aria-hidden="true">☰</span> {t('band:notice.openReviews')}
        </button>
      )}
      <button type="button" className="btn btn-row" disabled={busy || readOnly} onClick={() => void acknowledge(alert.id)}>
        <span aria-hidden="true">✓</span> {t('band:notice.acknowledge')}
      </button>
      {mayBeShelved(alert) && mayShelve && (
        <button type="button" className="btn btn-row" disabled={readOnly} onClick={() => setShelving(true)}>
          <span aria-hidden="true">‖</span> {t('band:notice.shelve')}
        </button>
      )}
    </>
  );
  return (
    <>
      <AlarmRow
        alert={alert}
        followOn={followOn}
        expanded={expanded}
        onToggle={onToggle}
        buttons={buttons}
        details={
          <>
            {alert.latched && <p className="muted">{t('band:row.latchedNote')}</p>}
          </>
        }
      />
      {shelving && <ShelveDialog alert={alert} onClose={() => setShelving(false)} />}
    </>
  );
}
