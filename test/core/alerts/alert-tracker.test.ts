import { describe, expect, it } from 'vitest';
import type { AlertKind, AlertPriority, AlertView } from '../../../shared/api/alerts';
import { resolvePriorities } from '../../../electron/core/alerts/alert-priority';
import type { WantedAlert } from '../../../electron/core/alerts/alert-rules';
import { AlertTracker } from '../../../electron/core/alerts/alert-tracker';
import { AlertRepo } from '../../../electron/core/store/alert-repo';
import { AlertShelfRepo } from '../../../electron/core/store/alert-shelf-repo';
import { CommandRepo } from '../../../electron/core/store/command-repo';
import { databaseAt, LATEST_VERSION } from '../store/helpers';

const T0 = Date.parse('2026-05-04T08:00:00.000Z');
/** The injected clock: minutes after T0. */
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

function tracker(alarms: { latching?: boolean; priorities?: Partial<Record<AlertKind, AlertPriority>> } = {}) {
  const { db } = databaseAt(LATEST_VERSION);
  const config = { latching: alarms.latching ?? false, priorities: resolvePriorities(alarms.priorities) };
  const t = new AlertTracker({
    repo: new AlertRepo(db),
    shelves: new AlertShelfRepo(db),
    commands: new CommandRepo(db),
    machineLabel: (id) => `Line ${id}`,
    alarms: () => config,
  });
  return { t, db };
}

const w = (kind: AlertKind, machineId = 'm1', code?: string): WantedAlert => ({ machineId, kind, ...(code ? { code } : {}) });
const byKind = (t: AlertTracker) => Object.fromEntries(t.active().map((a) => [a.kind, a])) as Partial<Record<AlertKind, AlertView>>;

describe('the alarm model over the alerts table', () => {
  it('records "machine silent" under "does not answer", and lets it stand alone once the machine answers', () => {
    const { t } = tracker();
    t.sync([w('silence')], [], at(0));
    t.sync([w('silence'), w('unreachable')], [], at(1));
    const { silence, unreachable } = byKind(t);
    expect(silence?.suppressedBy).toBe(unreachable?.id);
    expect(unreachable?.suppressedBy).toBeUndefined();
    t.sync([w('silence')], [], at(2));
    expect(byKind(t).silence?.suppressedBy).toBeUndefined();
  });

  it('gives each kind its default priority, or the one IT configured, and a cause', () => {
    const { t } = tracker({ priorities: { 'encoder-wait': 'high' } });
    t.sync([w('suspension', 'm1', 'FeederEmpty'), w('encoder-wait', 'm1', '7'), w('backup-stale', '')], [], at(0));
    const k = byKind(t);
    expect([k.suspension?.priority, k.suspension?.cause]).toEqual(['high', 'feeder']);
    expect(k['encoder-wait']?.priority).toBe('high');
    expect([k['backup-stale']?.priority, k['backup-stale']?.cause]).toEqual(['low', 'backup']);
  });

  it('refuses to shelve a suspension, shelves a notice that returns by itself when its time is up', () => {
    const { t } = tracker();
    t.sync([w('suspension', 'm1', 'CardJam'), w('silence')], [], at(0));
    const { suspension, silence } = byKind(t);
    expect(t.shelve(suspension?.id as number, { minutes: 30, reason: 'x', actor: 'sup' }, at(1))).toBe('unshelvable');
    expect(t.shelve(silence?.id as number, { minutes: 30, reason: 'network work tonight', actor: 'Sam' }, at(1))).toBeUndefined();
    expect(t.shelve(silence?.id as number, { minutes: 30, reason: 'again', actor: 'Sam' }, at(2))).toBe('shelved-already');
    expect(byKind(t).silence?.shelved).toEqual({ until: at(31), reason: 'network work tonight', by: 'Sam' });
    expect(t.summary(at(2)).shelved).toBe(1);
    // Nothing else changes: time passing alone brings it back, and the sync says so.
    t.sync([w('suspension', 'm1', 'CardJam'), w('silence')], [], at(2));
    expect(t.sync([w('suspension', 'm1', 'CardJam'), w('silence')], [], at(30))).toBe(false);
    expect(t.sync([w('suspension', 'm1', 'CardJam'), w('silence')], [], at(31))).toBe(true);
    expect(byKind(t).silence?.shelved).toBeUndefined();
    expect(t.summary(at(31)).shelved).toBe(0);
  });

  it('brings a shelved alert back when unshelved, and refuses a closed one', () => {
    const { t } = tracker();
    t.sync([w('silence')], [], at(0));
    const id = byKind(t).silence?.id as number;
    t.shelve(id, { minutes: 60, reason: 'known', actor: 'Sam' }, at(1));
    expect(t.unshelve(id, 'Sam', at(2))).toBe(true);
    expect(t.unshelve(id, 'Sam', at(3))).toBe(false);
    t.sync([], [], at(4));
    expect(t.shelve(id, { minutes: 60, reason: 'known', actor: 'Sam' }, at(5))).toBe('closed');
  });

  it('marks the first alert of a burst, and keeps the mark in the table', () => {
    const { t } = tracker();
    t.sync([w('unreachable')], [], at(0));
    t.sync([w('unreachable'), w('silence', 'm2')], [], at(3));
    t.sync([w('unreachable'), w('silence', 'm2'), w('encoder-wait', 'm2', '9')], [], at(20));
    const k = byKind(t);
    expect(k.unreachable?.firstOut).toBe(true);
    expect(k.silence?.firstOut).toBeUndefined();
    expect(k['encoder-wait']?.firstOut).toBe(true);
  });

  it('says "flood" above 10 new alerts in 10 minutes, grouped by cause, and not once they are older', () => {
    const { t } = tracker();
    const wanted: WantedAlert[] = [];
    for (let i = 0; i < 11; i++) {
      wanted.push(w('encoder-wait', 'm1', String(i)));
      t.sync([...wanted], [], at(i * 0.5));
    }
    expect(t.summary(at(6)).flood).toEqual({ count: 11, since: at(0), byCause: [{ cause: 'encoder', count: 11 }] });
    expect(t.sync(wanted, [], at(10.2))).toBe(true);
    expect(t.summary(at(10.2)).flood).toBeUndefined();
  });

  it('with latching, keeps a cleared alert in the active list, marked, until acknowledged; without, lets it go', () => {
    const latching = tracker({ latching: true }).t;
    latching.sync([w('suspension', 'm1', 'OpenInterlock')], [], at(0));
    latching.sync([], [], at(1));
    const [latched] = latching.active();
    expect(latched).toMatchObject({ kind: 'suspension', latched: true, closedAt: at(1), closedReasonCode: 'no-longer-reported' });
    expect(latching.acknowledge(latched?.id as number, 'op', at(2))).toBe(true);
    expect(latching.active()).toEqual([]);

    const plain = tracker().t;
    plain.sync([w('suspension', 'm1', 'OpenInterlock')], [], at(0));
    plain.sync([], [], at(1));
    expect(plain.active()).toEqual([]);
  });

  it('stores why it closed as a code, and shows it in English beside', () => {
    const { t } = tracker();
    t.sync([w('silence')], [], at(0));
    const id = byKind(t).silence?.id as number;
    t.acknowledge(id, 'Ana@s1', at(1));
    expect(t.history(10).rows[0]).toMatchObject({ closedReasonCode: 'acknowledged', closedReasonParams: { actor: 'Ana@s1' }, closedReason: 'acknowledged by Ana@s1' });
  });
});
