import { useShallow } from 'zustand/react/shallow';
import { NavBar } from './app/NavBar';
import { ViewSwitch } from './app/ViewSwitch';
import { FeedAlerts } from './features/activity/FeedAlerts';
import { AlertsArea } from './features/alerts/AlertsArea';
import { ConfigProblemsBanner } from './features/settings/ConfigProblems';
import { SettingsButton } from './features/settings/SettingsButton';
import { SettingsScreen } from './features/settings/SettingsScreen';
import { TrainingBanner } from './features/training/TrainingBanner';
import { useConsole } from './store/context';

function ConnectionBanner() {
  const { connected, loadError } = useConsole(useShallow((s) => ({ connected: s.connected, loadError: s.loadError })));
  if (connected && !loadError) return null;
  return (
    <div className="connection-banner" role="alert">
      <span aria-hidden="true">⚠</span>{' '}
      {loadError ? `The console reported an error: ${loadError}` : 'Not connected to the console. Reconnecting…'}
    </div>
  );
}

export function App() {
  const { webhookUrl, station } = useConsole(useShallow((s) => ({ webhookUrl: s.webhookUrl, station: s.station })));
  const actionError = useConsole((s) => s.actionError);
  const settingsOpen = useConsole((s) => s.settingsOpen);

  return (
    <div className="app">
      <TrainingBanner />
      <ConnectionBanner />
      <ConfigProblemsBanner />
      <header className="app-header">
        <h1>Issuance Console</h1>
        <span className="muted">
          Station {station} · webhooks at <span className="mono">{webhookUrl}</span>
        </span>
        <SettingsButton />
      </header>
      <AlertsArea />
      <div className="alerts feed-alerts" aria-live="assertive">
        <FeedAlerts />
      </div>
      {actionError && (
        <p className="error-text" role="alert">
          {actionError}
        </p>
      )}
      {settingsOpen ? (
        <SettingsScreen />
      ) : (
        <>
          <NavBar />
          <ViewSwitch />
        </>
      )}
    </div>
  );
}
