import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ok } from '../../../../shared/api/result';
import { StartIssuance } from '../../../../renderer/src/features/issuance/StartIssuanceForm';
import { command, machine, renderWithConsole } from '../alerts/fixtures';

afterEach(cleanup);

describe('the start issuance form', () => {
  it('stays folded until asked for, so the job queue stays in view', async () => {
    await renderWithConsole(<StartIssuance />);
    const form = screen.getByRole('region', { name: /Start issuance — AIDA line 1/ });
    expect(within(form).queryByLabelText('Job template name')).toBeNull();
    fireEvent.click(within(form).getByRole('button', { name: /Show the start form/ }));
    expect(within(form).getByLabelText('Job template name')).toBeTruthy();
  });

  it('sends the template, stop after N, dry run and metadata as metadataFields', async () => {
    const { client } = await renderWithConsole(<StartIssuance />);
    client.handle('startIssuance', () => ok(command({ kind: 'start', state: 'acknowledged' })));
    const form = screen.getByRole('region', { name: /Start issuance — AIDA line 1/ });
    fireEvent.click(within(form).getByRole('button', { name: /Show the start form/ }));
    fireEvent.change(within(form).getByLabelText('Job template name'), { target: { value: ' ID-card-2025 ' } });
    fireEvent.change(within(form).getByLabelText('Stop after (cards)'), { target: { value: '25' } });
    fireEvent.click(within(form).getByLabelText('Dry run'));
    fireEvent.click(within(form).getByRole('button', { name: /Add metadata field/ }));
    fireEvent.click(within(form).getByRole('button', { name: /Add metadata field/ }));
    fireEvent.change(within(form).getByLabelText('Metadata 1 name'), { target: { value: 'Operator' } });
    fireEvent.change(within(form).getByLabelText('Metadata 1 value'), { target: { value: 'Anna' } });
    fireEvent.change(within(form).getByLabelText('Metadata 2 name'), { target: { value: 'Shift' } });
    fireEvent.change(within(form).getByLabelText('Metadata 2 value'), { target: { value: 'early' } });
    await act(async () => fireEvent.click(within(form).getByRole('button', { name: 'Start issuance' })));
    expect(client.callsTo('startIssuance')).toEqual([
      { machineId: 'aida-1', jobTemplateName: 'ID-card-2025', stopAfter: 25, dryRun: true, metadataFields: { Operator: 'Anna', Shift: 'early' } },
    ]);
    expect(within(form).getByRole('status').textContent).toContain('Start issuance: Accepted by the machine');
  });

  it('says what is wrong instead of sending a bad start', async () => {
    const { client } = await renderWithConsole(<StartIssuance />);
    const form = screen.getByRole('region', { name: /Start issuance/ });
    fireEvent.click(within(form).getByRole('button', { name: /Show the start form/ }));
    fireEvent.change(within(form).getByLabelText('Stop after (cards)'), { target: { value: '0' } });
    await act(async () => fireEvent.click(within(form).getByRole('button', { name: 'Start issuance' })));
    expect(within(form).getByRole('alert').textContent).toContain('Stop after');

    fireEvent.change(within(form).getByLabelText('Stop after (cards)'), { target: { value: '' } });
    fireEvent.click(within(form).getByRole('button', { name: /Add metadata field/ }));
    fireEvent.click(within(form).getByRole('button', { name: /Add metadata field/ }));
    fireEvent.change(within(form).getByLabelText('Metadata 1 name'), { target: { value: 'Shift' } });
    fireEvent.change(within(form).getByLabelText('Metadata 2 name'), { target: { value: 'Shift' } });
    await act(async () => fireEvent.click(within(form).getByRole('button', { name: 'Start issuance' })));
    expect(within(form).getByRole('alert').textContent).toContain('"Shift" is given twice');
    expect(client.callsTo('startIssuance')).toEqual([]);
  });

  it('offers no form for a machine the console cannot act on', async () => {
    await renderWithConsole(<StartIssuance />, { machines: [machine({ id: 'unknown', label: 'Unknown machine', actionable: false })] });
    expect(screen.queryByRole('region')).toBeNull();
  });
});
