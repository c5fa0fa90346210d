import { ISA_TARGETS, type AlarmKpis, type AlarmSummary, type AlertView } from '../../../shared/api/alerts';
import { keysetPage } from '../../../shared/api/paging';
import type { MachineView } from '../../../shared/api/views';
import type { ConsoleConfig } from '../config/schema';
import type { AlertRepo, AlertRow } from '../store/alert-repo';
import type { AlertShelfRepo, ShelfRow } from '../store/alert-shelf-repo';
import type { CommandRepo } from '../store/command-repo';
import { alarmKpis } from './alarm-kpis';
import { causeOf } from './alert-cause';
import { closeReason } from './alert-close-reason';
import { FLOOD_WINDOW_MS, floodAt } from './alert-flood';
import { alertKey, type WantedAlert } from './alert-rules';
import { shelveRefusal, type ShelveRefusal } from './alert-shelving';
import { suppressorOf } from './alert-suppression';
import { alertView, subjectLabelOf } from './alert-view';

/** How far back a flood is looked for: none lasts a day without someone acting. */
const FLOOD_LOOKBACK_MS = 24 * 60 * 60_000;

export interface AlertTrackerDeps {
  repo: AlertRepo;
  shelves: AlertShelfRepo;
  commands: CommandRepo;
  machineLabel: (id: string) => string;
  /** Read at each use: IT may change priorities and latching while the console runs. */
  alarms: () => ConsoleConfig['alarms'];
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Keeps the alerts table in step with what the rules want open. An alert closes because the machine reports it
 * resolved (or a person acknowledges a non-blocking one), never because a button was pressed. Beside that, the alarm
 * model (issue 14): follow-ons marked under their root, first-outs, shelves that return by themselves, latching, and the
 * flood. Time is passed in (`at`).
 */
export class AlertTracker {
  /** Acknowledged conditions that still hold: not raised again until they clear. */
  private readonly acknowledged = new Set<string>();
  /** The summary last reported, so that a flood ending or a shelf returning by time alone is told. */
  private lastSummary = '';

  constructor(private readonly deps: AlertTrackerDeps) {}

  /** Opens new alerts and closes those no longer wanted; returns shelves whose time is up. Returns whether anything changed. */
  sync(wanted: readonly WantedAlert[], machines: readonly MachineView[], at: string): boolean {
    const { repo, shelves } = this.deps;
    const want = new Map(wanted.map((w) => [alertKey(w), w]));
    for (const key of this.acknowledged) if (!want.has(key)) this.acknowledged.delete(key);
    for (const key of this.acknowledged) want.delete(key);
    let changed = shelves.expire(at) > 0;
    const have = new Set<string>();
    const latching = this.deps.alarms().latching;
    for (const row of repo.openAlerts()) {
      const key = alertKey({ machineId: row.machine_id, kind: row.kind, code: row.code ?? undefined });
      if (want.has(key)) {
        have.add(key);
        continue;
      }
      if (repo.close(row.id, at, closeReason(row, machines), latching)) {
        shelves.end(row.id, at);
        changed = true;
      }
    }
    const burstWindow = iso(Date.parse(at) - FLOOD_WINDOW_MS);
    for (const [key, w] of want) {
      if (have.has(key)) continue;
      repo.open({ ...w, at, firstOut: !repo.anyOpenedAfter(burstWindow) });
      changed = true;
    }
    changed = this.resuppress() || changed;
    const summary = JSON.stringify(this.summary(at));
    if (summary !== this.lastSummary) changed = true;
    this.lastSummary = summary;
    return changed;
  }

  /** Marks each open alert under the root it follows from now, or alone again once its root closed. */
  private resuppress(): boolean {
    const open = this.deps.repo.openAlerts();
    const subjects = open.map((r) => ({ id: r.id, machineId: r.machine_id, kind: r.kind, code: r.code ?? undefined }));
    let changed = false;
    for (const [i, row] of open.entries()) {
      const root = suppressorOf(subjects[i] as (typeof subjects)[number], subjects);
      if ((root ?? null) === row.suppressed_by) continue;
      this.deps.repo.setSuppressedBy(row.id, root);
      changed = true;
    }
    return changed;
  }

  /** Closes a notice, or takes a latched alert out of the band. False: it cannot be (a suspension waits for Resume or Stop). */
  acknowledge(id: number, actor: string, at: string): boolean {
    const { repo, shelves } = this.deps;
    const row = repo.get(id);
    if (row?.latched === 1) return repo.unlatch(id);
    // A suspension waits for Resume or Stop: acknowledging it would hide a stopped line.
    if (!row || row.kind === 'suspension') return false;
    if (!repo.close(id, at, { code: 'acknowledged', params: { actor } })) return false;
    shelves.end(id, at);
    this.acknowledged.add(alertKey({ machineId: row.machine_id, kind: row.kind, code: row.code ?? undefined }));
    return true;
  }

  /** Out of the band for `minutes`; undefined when shelved, else why not. */
  shelve(id: number, s: { minutes: number; reason: string; actor: string; accountId?: number | undefined }, at: string): ShelveRefusal | undefined {
    const { repo, shelves } = this.deps;
    const refusal = shelveRefusal(repo.get(id), shelves.current().has(id));
    if (refusal) return refusal;
    shelves.shelve({ alertId: id, at, until: iso(Date.parse(at) + s.minutes * 60_000), reason: s.reason, actor: s.actor, accountId: s.accountId });
    return undefined;
  }

  /** Back in the band before its time. False: it was not shelved. */
  unshelve(id: number, actor: string, at: string): boolean {
    return this.deps.shelves.end(id, at, actor);
  }

  /** The open alert a command on this machine answers, so history shows who acted on what. */
  openAlertFor(machineId: string): number | undefined {
    return this.deps.repo.openAlerts().find((a) => a.machine_id === machineId && (a.kind === 'suspension' || a.kind === 'stopped'))?.id;
  }

  /** Open alerts, and with latching those cleared but not acknowledged; shelved and suppressed ones marked. */
  active(): AlertView[] {
    const { repo, shelves } = this.deps;
    const rows = [...repo.openAlerts(), ...(this.deps.alarms().latching ? repo.latchedAlerts() : [])].sort((a, b) => a.id - b.id);
    const current = shelves.current();
    return rows.map((r) => this.view(r, current));
  }

  /** How many are shelved, and the flood at `at` (more than 10 annunciated alerts opened within 10 minutes). */
  summary(at: string): AlarmSummary {
    const t = Date.parse(at);
    const openings = this.deps.repo
      .openedBetween(iso(t - FLOOD_LOOKBACK_MS), iso(t + 1))
      .filter((r) => r.suppressed_by === null)
      .map((r) => ({ at: Date.parse(r.opened_at), cause: causeOf(r.kind, r.code ?? undefined) }));
    const flood = floodAt(openings, t);
    return { shelved: this.deps.shelves.current().size, ...(flood ? { flood } : {}) };
  }

  /** ISA-18.2's figures over [from, to) (ms): rates, flood, standing, chattering and the most frequent causes. */
  kpis(from: number, to: number): AlarmKpis {
    const { repo, machineLabel } = this.deps;
    return alarmKpis({
      from,
      to,
      opened: repo.openedBetween(iso(from), iso(to)),
      standing: repo.standing(iso(from), iso(to), ISA_TARGETS.standingHours, 50),
      label: (id) => subjectLabelOf(id, machineLabel),
    });
  }

  /** Open and closed alerts, newest first: a page from those older than alert `before`, and how many there are. */
  history(limit: number, before?: number): { rows: AlertView[]; total: number; next?: number } {
    const page = keysetPage(this.deps.repo.recent(limit + 1, before), limit, (r) => r.id);
    const current = this.deps.shelves.current();
    return { ...page, rows: page.rows.map((r) => this.view(r, current)), total: this.deps.repo.count() };
  }

  private view(row: AlertRow, shelves: ReadonlyMap<number, ShelfRow>): AlertView {
    const { priorities, latching } = this.deps.alarms();
    return alertView(row, {
      machineLabel: this.deps.machineLabel,
      priorities,
      latching,
      shelf: row.closed_at === null ? shelves.get(row.id) : undefined,
      actions: this.deps.commands.actionsOn(row.id).map((a) => ({ at: a.created_at, actor: a.actor, what: a.kind, state: a.state })),
    });
  }
}
