/** Local wall-clock time of an ISO timestamp, seconds included: operators compare it with the machine's clock. */
export function formatTime(iso: string | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
}

/** Local date and wall-clock time of an ISO timestamp: for records read days later (audit, alert history). */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toLocaleDateString()} ${formatTime(iso)}`;
}
