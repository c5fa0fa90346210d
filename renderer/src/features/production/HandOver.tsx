import { useId, useState } from 'react';
import { HAND_OVER_NOTE_MAX, type ShiftReport } from '../../../../shared/api/production';
import { useOwnedFailure } from '../../app/ActionFailures';
import { useT } from '../../i18n/use-t';
import { selectBusy } from '../../store/actions';
import { useConsole } from '../../store/context';
import { productionActionKey } from '../../store/production-slice';
import type { Formats } from './formats';

/** The supervisor's note for the next shift: typed and saved until the shift is signed off, then read only. */
export function HandOverNote({ report, f }: { report: ShiftReport; f: Formats }) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState(report.note?.text ?? '');
  const save = useConsole((s) => s.saveHandOverNote);
  const saving = useConsole(selectBusy(productionActionKey.note(report.id)));
  const failure = useOwnedFailure(productionActionKey.note(report.id))?.error.message;
  const saved = report.note && <p className="muted">{t('report:note.savedBy', { by: report.note.by, at: f.dateTime(report.note.at) })}</p>;
  if (report.signedOff) {
    return (
      <section className="hand-over-note" aria-labelledby={`${id}-title`}>
        <h3 id={`${id}-title`}>{t('report:note.title')}</h3>
        {report.note ? <p className="note-text">{report.note.text}</p> : <p className="muted">{t('report:note.none')}</p>}
        {saved}
      </section>
    );
  }
  return (
    <section className="hand-over-note" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('report:note.title')}</h3>
      <label htmlFor={id} className="field-label screen-only">
        {t('report:note.label')}
      </label>
      <textarea id={id} className="note-input screen-only" value={text} maxLength={HAND_OVER_NOTE_MAX} rows={4} onChange={(e) => setText(e.target.value)} />
      <p className="note-text print-only">{report.note?.text ?? t('report:note.none')}</p>
      <div className="note-footer screen-only">
        <button type="button" className="btn btn-small" disabled={saving || text === (report.note?.text ?? '')} onClick={() => void save(report.id, text)}>
          {t('report:note.save')}
        </button>
        {saved}
      </div>
      {failure && (
        <p className="error-text screen-only" role="alert">
          {failure}
        </p>
      )}
    </section>
  );
}

/** Who signed off the hand-over and when; until then the supervisor's button, pressed twice (it cannot be undone). */
export function SignOff({ report, f }: { report: ShiftReport; f: Formats }) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  const signOff = useConsole((s) => s.signOffShift);
  const busy = useConsole(selectBusy(productionActionKey.signOff(report.id)));
  const failure = useOwnedFailure(productionActionKey.signOff(report.id))?.error.message;
  return (
    <section className="sign-off">
      {report.signedOff ? (
        <p className="signed-off">
          <span aria-hidden="true">✓ </span>
          {t('report:signOff.signedBy', { by: report.signedOff.by, at: f.dateTime(report.signedOff.at) })}
        </p>
      ) : (
        <>
          <p className="print-only">{t('report:signOff.notYet')}</p>
          <div className="sign-off-buttons screen-only">
            {asking ? (
              <>
                <button type="button" className="btn btn-go" disabled={busy} onClick={() => void signOff(report.id).then(() => setAsking(false))}>
                  {t('report:signOff.confirm')}
                </button>
                <button type="button" className="btn" onClick={() => setAsking(false)}>
                  {t('report:signOff.cancel')}
                </button>
              </>
            ) : (
              <button type="button" className="btn" onClick={() => setAsking(true)}>
                {t('report:signOff.button')}
              </button>
            )}
          </div>
        </>
      )}
      {failure && (
        <p className="error-text screen-only" role="alert">
          {failure}
        </p>
      )}
      <div className="signature-line print-only">
        <span>{t('report:signOff.name')}</span>
        <span>{t('report:signOff.signature')}</span>
        <span>{t('report:signOff.date')}</span>
      </div>
    </section>
  );
}
