import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ok } from '../../../../shared/api/result';
import { ReportActions } from '../../../../renderer/src/features/production/ReportActions';
import { createFakeClient } from '../../helpers/fake-client';
import { renderWithStore } from '../../helpers/render';
import { shiftReport } from './fixtures';

afterEach(cleanup);

describe("the shift report's PDF button", () => {
  it('says where the app saved the PDF, and nothing when the save dialog was closed', async () => {
    const client = createFakeClient({ saveShiftReportPdf: () => ok({ kind: 'cancelled' }) });
    renderWithStore(<ReportActions report={shiftReport()} />, client);
    const button = screen.getByRole('button', { name: 'Save as PDF / Print' });
    await act(async () => fireEvent.click(button));
    expect(client.callsTo('saveShiftReportPdf')).toEqual([{ id: 7 }]);
    expect(screen.queryByRole('status')).toBeNull();

    client.handle('saveShiftReportPdf', () => ok({ kind: 'saved', filename: 'r.pdf', path: 'C:\\Users\\sam\\Documents\\r.pdf' }));
    await act(async () => fireEvent.click(button));
    expect(screen.getByRole('status').textContent).toBe('Saved to C:\\Users\\sam\\Documents\\r.pdf');
  });
});
