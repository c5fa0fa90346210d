import { useId, useState } from 'react';
import { useConsole } from '../../store/context';
import type { FoundJob } from '../../store/find-job-slice';
import { useScanReceiver } from '../keyboard/scan-route';

function outcome(found: FoundJob): string | undefined {
  switch (found.state) {
    case 'idle':
      return undefined;
    case 'looking':
      return `Looking for ${found.code}…`;
    case 'opened':
      return `Opened job ${found.job.jobId ?? found.job.key}${found.job.batchId ? ` (batch ${found.job.batchId})` : ''}.`;
    case 'listed':
      return found.how === 'batch'
        ? `Batch ${found.code}: its jobs are listed under Machines & jobs.`
        : `Several jobs are named ${found.code}: they are listed under Machines & jobs.`;
    case 'none':
      return `No job or batch ${found.code} in this console.`;
    case 'failed':
      return `Could not look for ${found.code}: ${found.error}`;
  }
}

/**
 * On every screen: a batch or job id, typed or scanned, opens that job (a batch of several lists them). A scanner's
 * burst typed anywhere outside a field lands here (keyboard/scan-route.ts), so a scanned code never reaches a key that
 * drives a machine.
 */
export function FindJobBox() {
  const id = useId();
  const [code, setCode] = useState('');
  const found = useConsole((s) => s.foundJob);
  const findJob = useConsole((s) => s.findJob);
  useScanReceiver((scanned) => {
    setCode(scanned);
    void findJob(scanned);
  });
  const said = outcome(found);
  return (
    <form
      className="find-job"
      role="search"
      aria-label="Find a job"
      onSubmit={(e) => {
        e.preventDefault();
        void findJob(code);
      }}
    >
      <label htmlFor={`${id}-code`}>Find job</label>
      <input
        id={`${id}-code`}
        type="search"
        value={code}
        placeholder="Scan or type a batch or job id"
        autoComplete="off"
        spellCheck={false}
        maxLength={200}
        onChange={(e) => setCode(e.target.value)}
      />
      <button type="submit" className="btn btn-small" disabled={code.trim() === '' || found.state === 'looking'}>
        <span aria-hidden="true">⌕</span> Open
      </button>
      <span className={found.state === 'none' || found.state === 'failed' ? 'find-job-outcome error-text' : 'find-job-outcome'} role="status">
        {said}
      </span>
    </form>
  );
}
