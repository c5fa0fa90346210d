import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { VerificationView as Verification } from '../../../../shared/api/feeds';
import { VerificationView } from '../../../../renderer/src/features/verification/VerificationView';
import { EMPTY, renderWith } from '../activity/feeds-fixture';

afterEach(cleanup);

const INVALID: Verification = {
  processId: '5b0c3d1e-9f7a-4c2b-8e61-0a9d7f3c2b14',
  state: 'PROCESS_STATE_FINISHED',
  result: 'invalid_identity',
  resultText: 'Identity NOT verified',
  outcome: 'failed',
  flow: 'idtoken',
  firstAt: '2024-10-11T18:30:00Z',
  updatedAt: '2024-10-11T18:30:00Z',
  deliveries: 1,
  alert: 'Identity NOT verified',
  notes: [],
  jobs: [{ source: 'aida', machineId: 'aida-1', key: '40', jobId: '40', status: 'Running', via: 'CorrelationId' }],
};

describe('the verification view', () => {
  it('shows the most recently reported first, and less recent ones on "Show more"', async () => {
    const older = { ...INVALID, processId: 'older-process', jobs: [] };
    const { calls } = renderWith(<VerificationView />, { ...EMPTY, verifications: [INVALID], verificationsNext: 12 }, {
      listVerifications: () => ({ rows: [older] }),
    });
    fireEvent.click(screen.getByRole('button', { name: /Show more/ }));
    await screen.findByText('All 2 verifications shown');
    expect(calls.filter((c) => c.method === 'listVerifications').map((c) => c.params)).toEqual([{ before: 12, limit: 50 }]);
    expect(screen.getByText('older-process')).toBeTruthy();
  });

  it('shows an invalid identity as such, with the job its applicant holds', () => {
    renderWith(<VerificationView />, { ...EMPTY, verifications: [INVALID] });
    const card = screen.getByText(INVALID.processId).closest('li') as HTMLElement;
    expect(card.querySelector('[data-outcome="failed"]')?.textContent).toBe('✕ FAILED');
    expect(within(card).getByText('Identity NOT verified')).toBeTruthy();
    expect(within(card).getByText('PROCESS_STATE_FINISHED')).toBeTruthy();
    expect(within(card).getByText(/Applicant failed verification/).closest('li')?.textContent).toContain('Job 40 on aida-1 · Running');
    expect(screen.getByText(/Deliveries are refused/)).toBeTruthy();
  });

  it('fetches the full result on demand and labels its vocabulary apart', async () => {
    const withDetails: Verification = {
      ...INVALID,
      details: { fetchedAt: '2024-10-11T18:31:00Z', httpStatus: 200, result: 'PROCESS_RESULT_ERROR', fields: [{ name: 'score', value: '-40' }] },
    };
    const { calls } = renderWith(<VerificationView />, { ...EMPTY, verifications: [INVALID] }, { fetchVerificationDetails: () => withDetails });
    fireEvent.click(screen.getByRole('button', { name: 'Fetch the full result (GetProcess)' }));
    await screen.findByText('PROCESS_RESULT_ERROR');
    expect(screen.getByText(/PROCESS_RESULT_\* vocabulary/)).toBeTruthy();
    expect(calls).toEqual([{ method: 'fetchVerificationDetails', params: { processId: INVALID.processId } }]);
  });

  it('edits which results and events alert, and saves them', async () => {
    const { calls } = renderWith(<VerificationView />, EMPTY, {
      setVerificationAlertRules: (p) => ({ ...EMPTY.settings, idv: { ...EMPTY.settings.idv, alertRules: (p as { rules: unknown }).rules } }),
    });
    const save = screen.getByRole('button', { name: 'Save alert rules' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.click(screen.getByLabelText(/Verification expired/));
    fireEvent.click(screen.getByLabelText(/Session ended by timeout/));
    fireEvent.change(screen.getByLabelText('Another name'), { target: { value: 'needs_review' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add as result' }));
    expect((screen.getByLabelText(/needs_review/) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(save);
    await waitFor(() =>
      expect(calls).toEqual([
        {
          method: 'setVerificationAlertRules',
          params: { rules: { results: ['invalid_identity', 'needs_review'], events: ['EVENT_TYPE_SESSION_ENDED'] } },
        },
      ]),
    );
  });
});
