import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ActionFailures } from './app/ActionFailures';
import { NavBar } from './app/NavBar';
import { ViewSwitch } from './app/ViewSwitch';
import { FeedAlerts } from './features/activity/FeedAlerts';
import { AlertsArea } from './features/alerts/AlertsArea';
import { FindJobBox } from './features/find-job/FindJobBox';
import { ListenerAlerts } from './features/alerts/ListenerAlerts';
import { SessionScreen } from './features/people/SessionScreen';
import { useScreenAwake } from './features/screen-awake/use-screen-awake';
import { StationBand } from './features/people/StationBand';
import { ConfigProblemsBanner } from './features/settings/ConfigProblems';
import { SettingsButton } from './features/settings/SettingsButton';
import { SettingsScreen } from './features/settings/SettingsScreen';
import { TrainingBanner } from './features/training/TrainingBanner';
import { useT } from './i18n/use-t';
import { useConsole } from './store/context';

/** Before the first connection the page waits this long before saying so: a normal start takes a moment. */
const FIRST_CONNECT_GRACE_MS = 1500;

function ConnectionBanner() {
  const { connected, everConnected, loadError } = useConsole(
    useShallow((s) => ({ connected: s.connected, everConnected: s.everConnected, loadError: s.loadError })),
  );
  const t = useT();
  const [patient, setPatient] = useState(true);
  useEffect(() => {
    const timer = setTimeout(() => setPatient(false), FIRST_CONNECT_GRACE_MS);
    return () => clearTimeout(timer);
  }, []);
  if ((connected || (patient && !everConnected)) && !loadError) return null;
  // Once connected, a lost connection means the alerts on screen may be stale or incomplete: that is what it says.
  const lost = !connected && everConnected;
  return (
    <div className={lost ? 'connection-banner connection-lost' : 'connection-banner'} role="alert">
      <span aria-hidden="true">⚠</span>{' '}
      {connected && loadError ? (
        t('connection:consoleError', { message: loadError })
      ) : (
        <>
          <strong>{t(lost ? 'connection:lost' : 'connection:notConnected')}</strong> {t('connection:reconnecting')}
        </>
      )}
    </div>
  );
}

/** While the core rebuilds its job list and machine states from its log, what the screens show is partial: say so. */
function RebuildBanner() {
  const rebuilding = useConsole((s) => s.rebuilding);
  if (!rebuilding) return null;
  const percent = rebuilding.total > 0 ? Math.floor((rebuilding.done / rebuilding.total) * 100) : 0;
  return (
    <div className="rebuild-banner" role="status">
      <span aria-hidden="true">↻</span> <strong>Rebuilding the job list from the message log: {percent} %</strong> (
      {rebuilding.done.toLocaleString()} of {rebuilding.total.toLocaleString()} messages). New messages are received and
      kept meanwhile; jobs and machine states fill in as it goes.
    </div>
  );
}

export function App() {
  const { webhookUrl, station } = useConsole(useShallow((s) => ({ webhookUrl: s.webhookUrl, station: s.station })));
  const settingsOpen = useConsole((s) => s.settingsOpen);
  useScreenAwake();

  return (
    <div className="app">
      <TrainingBanner />
      <ConnectionBanner />
      <RebuildBanner />
      <ConfigProblemsBanner />
      <StationBand />
      <header className="app-header">
        <h1>Issuance Console</h1>
        <span className="muted">
          Station {station} · webhooks at <span className="mono">{webhookUrl}</span>
        </span>
        <SettingsButton />
      </header>
      <FindJobBox />
      <ListenerAlerts />
      <AlertsArea />
      <div className="alerts feed-alerts" aria-live="assertive">
        <FeedAlerts />
      </div>
      <SessionScreen>
        {settingsOpen ? (
          <SettingsScreen />
        ) : (
          <>
            <NavBar />
            <ViewSwitch />
          </>
        )}
      </SessionScreen>
      <ActionFailures />
    </div>
  );
}
