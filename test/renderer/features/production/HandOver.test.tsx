import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fail, ok } from '../../../../shared/api/result';
import { ActionFailures } from '../../../../renderer/src/app/ActionFailures';
import { productionFormats } from '../../../../renderer/src/features/production/formats';
import { HandOverNote, SignOff } from '../../../../renderer/src/features/production/HandOver';
import { createFakeClient } from '../../helpers/fake-client';
import { renderWithStore } from '../../helpers/render';
import { shiftReport } from './fixtures';

const f = productionFormats('en', 'UTC');

afterEach(cleanup);

describe('the hand-over', () => {
  it('saves the note the supervisor typed, and shows who wrote it once the core kept it', async () => {
    const report = shiftReport();
    const client = createFakeClient({
      saveHandOverNote: ({ text }) => ok({ ...report, note: { text, by: 'Sam Supervisor', at: '2026-11-27T14:05:00.000Z' } }),
    });
    const { store } = renderWithStore(<HandOverNote report={report} f={f} />, client);
    const save = screen.getByRole('button', { name: 'Save the note' });
    expect(save).toHaveProperty('disabled', true);
    fireEvent.change(screen.getByLabelText('Note for the next shift'), { target: { value: 'Feeder 2 sticks; new ribbon at 15:00.' } });
    await act(async () => fireEvent.click(save));
    expect(client.callsTo('saveHandOverNote')).toEqual([{ id: 7, text: 'Feeder 2 sticks; new ribbon at 15:00.' }]);
    const open = store.getState().shiftReport;
    expect(open?.state === 'loaded' && open.value.note?.by).toBe('Sam Supervisor');
  });

  it('shows a signed-off report read-only: the note as written, and who signed when', () => {
    const report = shiftReport({
      note: { text: 'All quiet.', by: 'Sam Supervisor', at: '2026-11-27T14:05:00.000Z' },
      signedOff: { by: 'Sam Supervisor', at: '2026-11-27T14:10:00.000Z' },
    });
    renderWithStore(
      <>
        <HandOverNote report={report} f={f} />
        <SignOff report={report} f={f} />
      </>,
      createFakeClient(),
    );
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.getByText('All quiet.')).toBeTruthy();
    expect(screen.getByText(/Signed off by Sam Supervisor, 27 Nov 2026, 14:10/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Sign off the shift' })).toBeNull();
  });

  it('signs off only on the second press, and says why when the core refuses', async () => {
    const client = createFakeClient({ signOffShift: () => fail('not-allowed', 'Only a supervisor may sign off a shift.') });
    renderWithStore(
      <>
        <SignOff report={shiftReport()} f={f} />
        <ActionFailures />
      </>,
      client,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Sign off the shift' }));
    expect(client.callsTo('signOffShift')).toEqual([]);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /Sign off now/ })));
    expect(client.callsTo('signOffShift')).toEqual([{ id: 7 }]);
    expect(screen.getByRole('alert').textContent).toContain('Only a supervisor may sign off a shift.');
  });
});
