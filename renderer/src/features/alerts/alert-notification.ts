import { useState } from 'react';
import type { AlertView } from '../../../../shared/api/alerts';

export type NotificationState = 'unsupported' | 'default' | 'granted' | 'denied';

function current(): NotificationState {
  return typeof window.Notification === 'function' ? window.Notification.permission : 'unsupported';
}

/** OS notifications (the Web Notification API, in Electron's renderer as in a browser); permission asked on a click. */
export function useAlertNotifications(): { notifications: NotificationState; enableNotifications: () => void } {
  const [notifications, setNotifications] = useState<NotificationState>(current);
  return {
    notifications,
    enableNotifications: () => {
      if (typeof window.Notification !== 'function') return;
      void window.Notification.requestPermission().then(() => setNotifications(current()), () => setNotifications(current()));
    },
  };
}

/** Shows an alert outside the window: the console may be behind another one, or the screen across the room. */
export function notifyAlert(alert: AlertView, texts: { title: string; body: string }): void {
  if (current() !== 'granted') return;
  const n = new window.Notification(texts.title, {
    body: texts.body,
    // One notification per alert, even if the page re-renders it.
    tag: `issuance-alert-${alert.id}`,
    requireInteraction: alert.kind === 'suspension',
  });
  n.onclick = () => window.focus();
}
