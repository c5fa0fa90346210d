import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AlertView } from '../../../../shared/api/alerts';
import type { Credential } from '../../../../shared/api/people';
import { useOwnedFailure } from '../../app/ActionFailures';
import { useT } from '../../i18n/use-t';
import { actionKey, selectBusy } from '../../store/actions';
import { useConsole } from '../../store/context';
import { selectOffer, selectReadOnly } from '../../store/people-slice';
import { ConfirmFooter } from '../../ui/ConfirmFooter';
import { Dialog } from '../../ui/Dialog';
import { PinField } from '../commands/PinField';
import { formatTime } from '../format';
import { StepUpNext, SupervisorApproval } from '../people/SupervisorApproval';
import { shelvedAlerts } from './alarm-order';
import { useAlertTexts } from './use-alert-texts';

/** Unshelving early, when the core asks for a supervisor: their approval or the shared PIN, in a dialog. */
function UnshelveDialog({ alert, stepUp, onClose }: { alert: AlertView; stepUp: boolean; onClose: () => void }) {
  const t = useT();
  const texts = useAlertTexts(alert);
  const key = actionKey.shelve(alert.id);
  const busy = useConsole(selectBusy(key));
  const failure = useOwnedFailure(key);
  const unshelve = useConsole((s) => s.unshelveAlert);
  const [pin, setPin] = useState('');
  const titleId = `unshelve-${alert.id}`;
  const confirm = async (supervisor?: Credential) => {
    if (await unshelve(alert.id, supervisor ? { supervisor } : { pin })) onClose();
  };
  const label = (
    <>
      <span aria-hidden="true">▶</span> {t('band:shelved.unshelve')}
    </>
  );
  return (
    <Dialog titleId={titleId} onCancel={onClose}>
      <h2 id={titleId}>{t('band:shelved.unshelveTitle', { alert: texts.heading })}</h2>
      {stepUp ? (
        <SupervisorApproval busy={busy} error={failure?.error.message} onBack={onClose} onApprove={(s) => void confirm(s)} confirmLabel={label} />
      ) : (
        <>
          <PinField value={pin} onChange={setPin} autoFocus />
          <ConfirmFooter
            error={failure?.error.message}
            cancelLabel={t('common:cancel')}
            onCancel={onClose}
            confirmClass="btn-go"
            disabled={busy || pin === ''}
            onConfirm={() => void confirm()}
            confirmLabel={stepUp ? <StepUpNext /> : label}
            cancelTakesFocus={false}
          />
        </>
      )}
    </Dialog>
  );
}

function ShelvedItem({ alert }: { alert: AlertView }) {
  const t = useT();
  const texts = useAlertTexts(alert);
  const busy = useConsole(selectBusy(actionKey.shelve(alert.id)));
  const unshelve = useConsole((s) => s.unshelveAlert);
  const pinRequired = useConsole((s) => s.pinRequired);
  const readOnly = useConsole(selectReadOnly);
  const offer = useConsole(selectOffer('unshelveAlert', { id: alert.id }));
  const [asking, setAsking] = useState(false);
  const needsProof = offer === 'step-up' || pinRequired;
  return (
    <li className="shelved-item" data-alert-kind={alert.kind}>
      <span>
        <strong>{texts.heading}</strong> —{' '}
        {t('band:shelved.until', { until: formatTime(alert.shelved?.until), by: alert.shelved?.by ?? '', reason: alert.shelved?.reason ?? '' })}
      </span>
      {offer !== 'refused' && (
        <button
          type="button"
          className="btn btn-row"
          disabled={busy || readOnly}
          onClick={() => (needsProof ? setAsking(true) : void unshelve(alert.id))}
        >
          <span aria-hidden="true">▶</span> {t('band:shelved.unshelve')}
        </button>
      )}
      {asking && <UnshelveDialog alert={alert} stepUp={offer === 'step-up'} onClose={() => setAsking(false)} />}
    </li>
  );
}

/** "2 shelved": always in view while any is, so a shelved alert is never forgotten; the list opens on a press. */
export function ShelvedAlerts() {
  const t = useT();
  const count = useConsole((s) => s.alarmSummary.shelved);
  const shelved = useConsole(useShallow((s) => shelvedAlerts(s.alerts)));
  const [open, setOpen] = useState(false);
  if (count === 0 && shelved.length === 0) return null;
  return (
    <div className="shelved">
      <button type="button" className="btn btn-row btn-quiet" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span aria-hidden="true">‖</span> {t('band:shelved.count', { count: Math.max(count, shelved.length) })}
      </button>
      {open && (
        <ul className="shelved-list" aria-label={t('band:shelved.listLabel')}>
          {shelved.map((a) => (
            <ShelvedItem key={a.id} alert={a} />
          ))}
        </ul>
      )}
    </div>
  );
}
