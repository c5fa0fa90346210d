import { CONSOLE_SUBJECT, type AlertView } from '../../../shared/api/alerts';
import { keysetPage } from '../../../shared/api/paging';
import type { MachineView } from '../../../shared/api/views';
import type { AlertRepo, AlertRow } from '../store/alert-repo';
import type { CommandRepo } from '../store/command-repo';
import { alertKey, type WantedAlert } from './alert-rules';
import { alertTexts } from './alert-texts';

/**
 * Keeps the alerts table in step with what the rules want open. An alert closes because the machine reports it
 * resolved (or a person acknowledges a non-blocking one), never because a button was pressed.
 */
export class AlertTracker {
  /** Acknowledged conditions that still hold: not raised again until they clear. */
  private readonly acknowledged = new Set<string>();

  constructor(
    private readonly repo: AlertRepo,
    private readonly commands: CommandRepo,
    private readonly machineLabel: (id: string) => string,
  ) {}

  /** Opens new alerts and closes those no longer wanted. Returns whether anything changed. */
  sync(wanted: readonly WantedAlert[], machines: readonly MachineView[], at: string): boolean {
    const want = new Map(wanted.map((w) => [alertKey(w), w]));
    for (const key of this.acknowledged) if (!want.has(key)) this.acknowledged.delete(key);
    for (const key of this.acknowledged) want.delete(key);
    const open = this.repo.openAlerts();
    const have = new Set<string>();
    let changed = false;
    for (const row of open) {
      const key = alertKey({ machineId: row.machine_id, kind: row.kind, code: row.code ?? undefined });
      if (want.has(key)) {
        have.add(key);
        continue;
      }
      changed = this.repo.close(row.id, at, closeReason(row, machines)) || changed;
    }
    for (const [key, w] of want) {
      if (have.has(key)) continue;
      this.repo.open(w.machineId, w.kind, w.code, w.detail, at);
      changed = true;
    }
    return changed;
  }

  acknowledge(id: number, actor: string, at: string): boolean {
    const row = this.repo.get(id);
    // A suspension waits for Resume or Stop: acknowledging it would hide a stopped line.
    if (!row || row.kind === 'suspension') return false;
    if (!this.repo.close(id, at, `acknowledged by ${actor}`)) return false;
    this.acknowledged.add(alertKey({ machineId: row.machine_id, kind: row.kind, code: row.code ?? undefined }));
    return true;
  }

  /** The open alert a command on this machine answers, so history shows who acted on what. */
  openAlertFor(machineId: string): number | undefined {
    return this.repo.openAlerts().find((a) => a.machine_id === machineId && (a.kind === 'suspension' || a.kind === 'stopped'))?.id;
  }

  active(): AlertView[] {
    return this.repo.openAlerts().map((r) => this.view(r));
  }

  /** Open and closed alerts, newest first: a page from those older than alert `before`, and how many there are. */
  history(limit: number, before?: number): { rows: AlertView[]; total: number; next?: number } {
    const page = keysetPage(this.repo.recent(limit + 1, before), limit, (r) => r.id);
    return { ...page, rows: page.rows.map((r) => this.view(r)), total: this.repo.count() };
  }

  private view(row: AlertRow): AlertView {
    const label = row.machine_id === CONSOLE_SUBJECT ? 'This console' : this.machineLabel(row.machine_id);
    const texts = alertTexts(row.kind, row.code ?? undefined, label, row.detail ?? undefined);
    return {
      id: row.id,
      machineId: row.machine_id,
      machineLabel: label,
      kind: row.kind,
      ...(row.code !== null ? { code: row.code } : {}),
      ...texts,
      openedAt: row.opened_at,
      ...(row.closed_at !== null ? { closedAt: row.closed_at } : {}),
      ...(row.closed_reason !== null ? { closedReason: row.closed_reason } : {}),
      actions: this.commands.actionsOn(row.id).map((a) => ({ at: a.created_at, actor: a.actor, what: a.kind, state: a.state })),
    };
  }
}

function closeReason(row: AlertRow, machines: readonly MachineView[]): string {
  const m = machines.find((x) => x.id === row.machine_id);
  switch (row.kind) {
    case 'suspension':
      if (m?.scheduler === 'running') return 'the machine reports it runs again';
      if (m?.scheduler === 'stopped' || m?.scheduler === 'stopping') return 'issuance stopped';
      return m?.suspension ? `the machine now reports ${m.suspension.code}` : 'the machine no longer reports it';
    case 'stopped':
      return 'issuance started again';
    case 'silence':
      return 'the machine is heard again';
    case 'unreachable':
      return 'the machine answers again';
    case 'encoder-wait':
      return 'the card left the encoder queue';
    case 'api-refused':
      return m?.api?.state === 'unreachable' ? 'the machine stopped answering' : "the machine accepts the console's calls again";
    case 'scheduler-error':
      return m?.schedulerError ? 'the machine reports other errors now' : 'the machine no longer reports its scheduler in error';
    case 'message-conflict':
      return 'a newer collision replaced it';
    case 'disk-low':
      return 'free space on the disk is back';
    case 'backup-failed':
    case 'backup-stale':
      return 'a newer backup was made and checked';
  }
}
