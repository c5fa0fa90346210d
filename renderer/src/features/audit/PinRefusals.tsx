import type { PinRefusalView } from '../../../../shared/api/records';
import { useConsole } from '../../store/context';
import { ShowMore } from '../../ui/ShowMore';
import { formatDateTime, formatTime } from '../format';
import { AuditTable } from './AuditTable';

function forWhat(r: PinRefusalView, machineLabel: (id: string) => string): string {
  if (r.action === 'abort') return `Abort — ${r.machineId !== undefined ? machineLabel(r.machineId) : 'a machine'}`;
  if (r.action === 'shelve') return `Shelve an alert — ${r.machineId !== undefined ? machineLabel(r.machineId) : 'a machine'}`;
  return `Decision: ${r.outcome ?? '?'}${r.reviewId !== undefined ? `, review ${r.reviewId}` : ''}`;
}

/**
 * Refused supervisor PINs, beside the commands: until named accounts exist one PIN is shared, and each wrong PIN is
 * someone's guess. After each, the console made everyone wait before the next try; the tries refused during that
 * wait are counted on the same line.
 */
export function PinRefusals({ machineLabel }: { machineLabel: (id: string) => string }) {
  const { rows, next, total = 0 } = useConsole((s) => s.pinRefusals);
  const loadMore = useConsole((s) => s.loadMorePinRefusals);
  return (
    <section className="pin-refusals" aria-labelledby="pin-refusals-title">
      <h3 id="pin-refusals-title">Refused supervisor PINs</h3>
      {total === 0 ? (
        <p className="muted">No supervisor PIN has been refused.</p>
      ) : (
        <>
          <p className="muted">
            {total} {total === 1 ? 'refusal' : 'refusals'}, newest first. After each,
            every PIN waited before it was checked again (1 s, doubling to 30 s); Stop needs no PIN.
          </p>
          <AuditTable columns={['When', 'Who', 'For', 'Why refused', 'Then']}>
            {rows.map((r) => (
              <tr key={r.id} data-pin-refusal={r.id}>
                <td>{formatDateTime(r.at)}</td>
                <td>{r.actor}</td>
                <td>{forWhat(r, machineLabel)}</td>
                <td>
                  <span className="badge badge-bad">
                    <span aria-hidden="true">✕</span> {r.reason === 'wrong' ? 'Wrong PIN' : 'No PIN given'}
                  </span>
                </td>
                <td>
                  Next try waited {Math.round(r.waitMs / 1000)} s
                  {r.waited > 0 && (
                    <div className="muted">
                      {r.waited} more {r.waited === 1 ? 'try' : 'tries'} refused meanwhile, the last at {formatTime(r.lastAt)}
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </AuditTable>
          <ShowMore shown={rows.length} total={total} more={next !== undefined} what="refusals" onMore={loadMore} />
        </>
      )}
    </section>
  );
}
