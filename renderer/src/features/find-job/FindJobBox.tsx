import { useId, useState } from 'react';
import type { Translate } from '../../../../shared/i18n/translate';
import { useT } from '../../i18n/use-t';
import { useConsole } from '../../store/context';
import type { FoundJob } from '../../store/find-job-slice';
import { useScanReceiver } from '../keyboard/scan-route';

function outcome(t: Translate, found: FoundJob): string | undefined {
  switch (found.state) {
    case 'idle':
      return undefined;
    case 'looking':
      return t('findJob:looking', { code: found.code });
    case 'opened': {
      const job = found.job.jobId ?? found.job.key;
      return found.job.batchId ? t('findJob:openedInBatch', { job, batch: found.job.batchId }) : t('findJob:opened', { job });
    }
    case 'listed':
      return t(found.how === 'batch' ? 'findJob:batch' : 'findJob:several', { code: found.code });
    case 'none':
      return t('findJob:none', { code: found.code });
    case 'failed':
      return t('findJob:failed', { code: found.code, error: found.error });
  }
}

/**
 * On every screen: a batch or job id, typed or scanned, opens that job (a batch of several lists them). A scanner's
 * burst typed anywhere outside a field lands here (keyboard/scan-route.ts), so a scanned code never reaches a key that
 * drives a machine.
 */
export function FindJobBox() {
  const t = useT();
  const id = useId();
  const [code, setCode] = useState('');
  const found = useConsole((s) => s.foundJob);
  const findJob = useConsole((s) => s.findJob);
  useScanReceiver((scanned) => {
    setCode(scanned);
    void findJob(scanned);
  });
  const said = outcome(t, found);
  return (
    <form
      className="find-job"
      role="search"
      aria-label={t('findJob:search')}
      onSubmit={(e) => {
        e.preventDefault();
        void findJob(code);
      }}
    >
      <label htmlFor={`${id}-code`}>{t('findJob:label')}</label>
      <input
        id={`${id}-code`}
        type="search"
        value={code}
        placeholder={t('findJob:placeholder')}
        autoComplete="off"
        spellCheck={false}
        maxLength={200}
        onChange={(e) => setCode(e.target.value)}
      />
      <button type="submit" className="btn btn-small" disabled={code.trim() === '' || found.state === 'looking'}>
        <span aria-hidden="true">⌕</span> {t('findJob:open')}
      </button>
      <span className={found.state === 'none' || found.state === 'failed' ? 'find-job-outcome error-text' : 'find-job-outcome'} role="status">
        {said}
      </span>
    </form>
  );
}
