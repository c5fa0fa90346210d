import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ActionFailures } from './app/ActionFailures';
import { AlarmBand, useThemeAttribute } from './app/AlarmBand';
import { NavBar } from './app/NavBar';
import { ViewSwitch } from './app/ViewSwitch';
import { FeedAlerts } from './features/activity/FeedAlerts';
import { AlertsArea } from './features/alerts/AlertsArea';
import { ListenerAlerts } from './features/alerts/ListenerAlerts';
import { SignalControl } from './features/alerts/SignalControl';
import { FindJobBox } from './features/find-job/FindJobBox';
import { SessionScreen } from './features/people/SessionScreen';
import { useScreenAwake } from './features/screen-awake/use-screen-awake';
import { StationBand } from './features/people/StationBand';
import { ConfigProblemsBanner } from './features/settings/ConfigProblems';
import { SettingsButton } from './features/settings/SettingsButton';
import { SettingsScreen } from './features/settings/SettingsScreen';
import { TrainingBanner } from './features/training/TrainingBanner';
import { INTL_LOCALE } from '../../shared/i18n/languages';
import { useT } from './i18n/use-t';
import { useConsole } from './store/context';

/** Before the first connection the page waits this long before saying so: a normal start takes a moment. */
const FIRST_CONNECT_GRACE_MS = 1500;

function ConnectionBanner() {
  const t = useT();
  const { connected, everConnected, loadError } = useConsole(
    useShallow((s) => ({ connected: s.connected, everConnected: s.everConnected, loadError: s.loadError })),
  );
  const [patient, setPatient] = useState(true);
  useEffect(() => {
    const timer = setTimeout(() => setPatient(false), FIRST_CONNECT_GRACE_MS);
    return () => clearTimeout(timer);
  }, []);
  if ((connected || (patient && !everConnected)) && !loadError) return null;
  // Once connected, a lost connection means the alerts on screen may be stale or incomplete: that is what it says.
  const lost = !connected && everConnected;
  return (
    <div className={lost ? 'connection-banner connection-lost band-line' : 'connection-banner band-line'} role="alert">
      <span className="band-icon" aria-hidden="true">
        ⚠
      </span>
      <p>
        {connected && loadError ? (
          t('connection:consoleError', { message: loadError })
        ) : (
          <>
            <strong>{t(lost ? 'connection:lost' : 'connection:notConnected')}</strong> {t('connection:reconnecting')}
          </>
        )}
      </p>
    </div>
  );
}

/** While the core rebuilds its job list and machine states from its log, what the screens show is partial: say so. */
function RebuildBanner() {
  const t = useT();
  const language = useConsole((s) => s.language);
  const rebuilding = useConsole((s) => s.rebuilding);
  if (!rebuilding) return null;
  const percent = rebuilding.total > 0 ? Math.floor((rebuilding.done / rebuilding.total) * 100) : 0;
  const number = new Intl.NumberFormat(INTL_LOCALE[language]);
  return (
    <div className="rebuild-banner band-line" role="status">
      <span className="band-icon" aria-hidden="true">
        ↻
      </span>
      <p>
        <strong>{t('band:rebuild.title', { percent })}</strong>{' '}
        {t('band:rebuild.text', { done: number.format(rebuilding.done), total: number.format(rebuilding.total) })}
      </p>
    </div>
  );
}

export function App() {
  const t = useT();
  const { webhookUrl, station } = useConsole(useShallow((s) => ({ webhookUrl: s.webhookUrl, station: s.station })));
  const settingsOpen = useConsole((s) => s.settingsOpen);
  useScreenAwake();
  useThemeAttribute();

  return (
    <div className="app">
      <AlarmBand>
        <ConnectionBanner />
        <TrainingBanner />
        <AlertsArea />
        <ListenerAlerts />
        <FeedAlerts />
        <ConfigProblemsBanner />
        <RebuildBanner />
        <StationBand />
      </AlarmBand>
      <header className="app-header">
        <div className="app-title">
          <h1>{t('band:header.title')}</h1>
          <span className="muted" title={`${t('band:header.station', { station })} ${webhookUrl}`}>
            {t('band:header.station', { station })} <span className="mono">{webhookUrl}</span>
          </span>
        </div>
        <FindJobBox />
        <SignalControl />
        <SettingsButton />
      </header>
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
