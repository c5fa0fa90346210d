import { loadCore } from './core.mjs';
import { storedKey } from './floor.mjs';

/**
 * Reads a stopped console's store back with its own repositories: every acknowledged message must be in the event
 * log (once: the log keys events by sender and MessageId) and its job in the queue's projection.
 */
export async function checkStored(dataDir, records, root) {
  const core = await loadCore(root);
  const store = core.Store.open({ dataDir, durability: 'crash' });
  try {
    const acked = records.filter((r) => r.status === 200);
    const lost = acked.filter((r) => store.log.seqOf('aida', storedKey(r.machine, r.messageId)) === undefined);
    const notQueued = acked.filter((r) => r.jobId !== undefined && store.jobs.get(r.machine.id, r.jobId) === undefined);
    return {
      posted: records.length,
      acknowledged: acked.length,
      refused: records.filter((r) => r.status !== 0 && r.status !== 200).length,
      unanswered: records.filter((r) => r.status === 0).length,
      retried: records.filter((r) => r.tries > 1).length,
      notAcknowledged: records.filter((r) => r.status !== 200).map((r) => ({ messageId: r.messageId, status: r.status, tries: r.tries })),
      lost: lost.map((r) => r.messageId),
      notQueued: notQueued.map((r) => r.jobId),
    };
  } finally {
    store.close();
    await core.close();
  }
}
