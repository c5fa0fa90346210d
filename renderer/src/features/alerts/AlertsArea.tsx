import { useCallback, useMemo, useState } from 'react';
import type { AlertView } from '../../../../shared/api/alerts';
import { alertTexts, subjectLabel } from '../../../../shared/alerts/alert-texts';
import { INTL_LOCALE } from '../../../../shared/i18n/languages';
import { useT } from '../../i18n/use-t';
import { useConsole } from '../../store/context';
import { bandRows } from './alarm-order';
import { FloodBanner } from './FloodBanner';
import { NoticeAlert } from './NoticeAlert';
import { ShelvedAlerts } from './ShelvedAlerts';
import { SuspensionAlert } from './SuspensionAlert';
import { SHORTCUTS, useIssuanceShortcuts } from './shortcuts';
import { useAlarmReminder, useAlertSignals } from './use-alarm-signals';

/**
 * The alarm queue in the band: the flood line, then one row per alert, most urgent and newest first, follow-on alerts
 * folded under their root, and the shelved count. The selected row shows its "What to do" (the top one until another
 * is picked). Nothing here closes an alert by itself.
 */
export function AlertsArea() {
  const t = useT();
  const language = useConsole((s) => s.language);
  const alerts = useConsole((s) => s.alerts);
  const rows = useMemo(() => bandRows(alerts), [alerts]);
  const notification = useCallback(
    (a: AlertView) => {
      const texts = alertTexts(t, a, INTL_LOCALE[language]);
      return { title: `${texts.title} — ${subjectLabel(t, a)}`, body: [texts.text, texts.action].filter(Boolean).join(' ') };
    },
    [t, language],
  );
  useAlertSignals(alerts, notification);
  const hold = useIssuanceShortcuts()?.action;
  const reminder = useAlarmReminder();
  // undefined: none picked yet (the top row shows its details); null: the operator folded them all.
  const [picked, setPicked] = useState<number | null | undefined>();
  const open = picked === null ? undefined : rows.some((r) => r.alert.id === picked) ? picked : rows[0]?.alert.id;
  const flood = useConsole((s) => s.alarmSummary.flood !== undefined);
  const shelved = useConsole((s) => s.alarmSummary.shelved + s.alerts.filter((a) => a.shelved).length);
  const suspended = rows.filter((r) => r.alert.kind === 'suspension').length;
  const toggle = (id: number) => setPicked(open === id ? null : id);

  if (rows.length === 0 && !flood && shelved === 0) return null;
  return (
    <section className="alerts-area" aria-label={t('band:queue.label')}>
      <FloodBanner />
      <div className="alerts" aria-live="assertive">
        {rows.map(({ alert, followOn }) =>
          alert.kind === 'suspension' ? (
            <SuspensionAlert
              key={alert.id}
              alert={alert}
              followOn={followOn}
              expanded={open === alert.id}
              onToggle={() => toggle(alert.id)}
              holding={hold?.machineId === alert.machineId ? hold.kind : undefined}
              onSilence={reminder.loud.has(alert.id) ? reminder.silence : undefined}
            />
          ) : (
            <NoticeAlert key={alert.id} alert={alert} followOn={followOn} expanded={open === alert.id} onToggle={() => toggle(alert.id)} />
          ),
        )}
      </div>
      {suspended > 1 && <p className="muted band-note">{t('band:queue.keysOff', { count: suspended, resume: SHORTCUTS.resume, stop: SHORTCUTS.stop })}</p>}
      <ShelvedAlerts />
    </section>
  );
}
