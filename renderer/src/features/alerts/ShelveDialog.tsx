import { useId, useState } from 'react';
import type { AlertView } from '../../../../shared/api/alerts';
import type { Credential } from '../../../../shared/api/people';
import { useOwnedFailure } from '../../app/ActionFailures';
import { useT } from '../../i18n/use-t';
import { actionKey, selectBusy } from '../../store/actions';
import { useConsole } from '../../store/context';
import { selectOffer } from '../../store/people-slice';
import { ConfirmFooter } from '../../ui/ConfirmFooter';
import { Dialog } from '../../ui/Dialog';
import { PinField } from '../commands/PinField';
import { StepUpNext, SupervisorApproval } from '../people/SupervisorApproval';
import { useAlertTexts } from './use-alert-texts';

/** How long a shelved alert stays out of the band: a quarter of an hour to a shift, as a supervisor thinks of it. */
const SHELVE_MINUTES = [15, 60, 240, 480] as const;

/**
 * Shelving a notice: for how long, and why (both audited); it comes back by itself. An operator's shelve needs a
 * supervisor's approval in the same dialog; on an open station the shared supervisor PIN, when one is set. The core
 * decides and its refusal is shown here, word for word.
 */
export function ShelveDialog({ alert, onClose }: { alert: AlertView; onClose: () => void }) {
  const t = useT();
  const texts = useAlertTexts(alert);
  const key = actionKey.shelve(alert.id);
  const busy = useConsole(selectBusy(key));
  const failure = useOwnedFailure(key);
  const shelve = useConsole((s) => s.shelveAlert);
  const pinRequired = useConsole((s) => s.pinRequired);
  const stepUp = useConsole(selectOffer('shelveAlert', { id: alert.id, minutes: 60, reason: 'x' })) === 'step-up';
  const askPin = pinRequired && !stepUp;
  const [minutes, setMinutes] = useState<number>(60);
  const [reason, setReason] = useState('');
  const [pin, setPin] = useState('');
  const [approving, setApproving] = useState(false);
  const id = useId();
  const titleId = `${id}-title`;

  async function confirm(supervisor?: Credential) {
    const proof = { ...(askPin ? { pin } : {}), ...(supervisor ? { supervisor } : {}) };
    if (await shelve(alert.id, minutes, reason.trim(), proof)) onClose();
  }
  const confirmLabel = (
    <>
      <span aria-hidden="true">‖</span> {t('band:shelve.confirm')}
    </>
  );

  return (
    <Dialog titleId={titleId} onCancel={onClose}>
      <h2 id={titleId}>{t('band:shelve.title', { alert: texts.heading })}</h2>
      <p>{t('band:shelve.why')}</p>
      {approving ? (
        <SupervisorApproval
          busy={busy}
          error={failure?.error.message}
          onBack={() => setApproving(false)}
          onApprove={(supervisor) => void confirm(supervisor)}
          confirmLabel={confirmLabel}
        />
      ) : (
        <>
          <fieldset className="reasons reasons-row">
            <legend>{t('band:shelve.forHowLong')}</legend>
            {SHELVE_MINUTES.map((m) => (
              <label key={m} className={`reason${minutes === m ? ' reason-picked' : ''}`}>
                <input type="radio" name={`${id}-minutes`} value={m} checked={minutes === m} onChange={() => setMinutes(m)} />
                <span>{m < 60 ? t('band:shelve.minutes', { count: m }) : t('band:shelve.hours', { count: m / 60 })}</span>
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor={`${id}-reason`}>{t('band:shelve.reason')}</label>
            <input
              id={`${id}-reason`}
              className="input"
              maxLength={200}
              autoComplete="off"
              placeholder={t('band:shelve.reasonHint')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
          {askPin && <PinField value={pin} onChange={setPin} />}
          <ConfirmFooter
            error={failure?.error.message}
            cancelLabel={t('common:cancel')}
            onCancel={onClose}
            confirmClass="btn-go"
            disabled={busy || reason.trim() === '' || (askPin && pin === '')}
            onConfirm={() => (stepUp ? setApproving(true) : void confirm())}
            confirmLabel={stepUp ? <StepUpNext /> : confirmLabel}
          />
        </>
      )}
    </Dialog>
  );
}
