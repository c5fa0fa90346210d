import { useState } from 'react';
import type { AuditExport } from '../../../../shared/api/records';
import { useOwnedFailure } from '../../app/ActionFailures';
import { selectBusy } from '../../store/actions';
import { useConsole } from '../../store/context';
import { downloadFrom } from '../../ui/download';

/**
 * One audit export button's state: whether it is running, why it was refused (said beside the button, from the one
 * error path), and where the last one went. In the served page the file comes as a download the link starts.
 */
export function useAuditExport(key: string, run: () => Promise<AuditExport | undefined>) {
  const exporting = useConsole(selectBusy(key));
  const failure = useOwnedFailure(key)?.error.message;
  const [exported, setExported] = useState<AuditExport | undefined>();

  async function start() {
    setExported(undefined);
    const result = await run();
    if (result?.kind === 'download') downloadFrom(result.url, result.filename);
    setExported(result);
  }

  return { exporting, failure, exported, start };
}
