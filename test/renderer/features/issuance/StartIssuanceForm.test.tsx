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

  it('sends the rejected cards threshold, as AIDA defines it, only when it is filled', async () => {
    const { client } = await renderWithConsole(<StartIssuance />);
    client.handle('startIssuance', () => ok(command({ kind: 'start', state: 'acknowledged' })));
    const form = screen.getByRole('region', { name: /Start issuance — AIDA line 1/ });
    fireEvent.click(within(form).getByRole('button', { name: /Show the start form/ }));
    const threshold = within(form).getByLabelText('Rejected cards threshold (as AIDA defines it)');
    await act(async () => fireEvent.click(within(form).getByRole('button', { name: 'Start issuance' })));
    fireEvent.change(threshold, { target: { value: '-1' } });
    await act(async () => fireEvent.click(within(form).getByRole('button', { name: 'Start issuance' })));
    expect(within(form).getByRole('alert').textContent).toContain('Rejected cards threshold: a number from 0');
    fireEvent.change(threshold, { target: { value: '2.5' } });
    await act(async () => fireEvent.click(within(form).getByRole('button', { name: 'Start issuance' })));
    expect(client.callsTo('startIssuance')).toEqual([{ machineId: 'aida-1' }, { machineId: 'aida-1', rejectedCardsThreshold: 2.5 }]);
  });

  it('offers the workflow type name behind "Older machines (AIDA 1.0)", and sends it only when filled', async () => {
    const { client } = await renderWithConsole(<StartIssuance />);
    client.handle('startIssuance', () => ok(command({ kind: 'start', state: 'acknowledged' })));
    const form = screen.getByRole('region', { name: /Start issuance — AIDA line 1/ });
    fireEvent.click(within(form).getByRole('button', { name: /Show the start form/ }));
    expect(within(form).queryByLabelText(/Workflow type name/)).toBeNull();
    fireEvent.click(within(form).getByRole('button', { name: /Older machines \(AIDA 1\.0\)/ }));
    fireEvent.change(within(form).getByLabelText(/Workflow type name/), { target: { value: ' Standard ' } });
    await act(async () => fireEvent.click(within(form).getByRole('button', { name: 'Start issuance' })));
    expect(client.callsTo('startIssuance')).toEqual([{ machineId: 'aida-1', workflowTypeName: 'Standard' }]);
  });

  it('does not offer the workflow type name for a machine that reports AIDA 1.6', async () => {
    await renderWithConsole(<StartIssuance />, { machines: [machine({ api: { state: 'answers', version: '1.6.3+3edddb5' } })] });
    const form = screen.getByRole('region', { name: /Start issuance — AIDA line 1/ });
    fireEvent.click(within(form).getByRole('button', { name: /Show the start form/ }));
    expect(within(form).getByLabelText(/Rejected cards threshold/)).toBeTruthy();
    expect(within(form).queryByRole('button', { name: /Older machines/ })).toBeNull();
  });

  it('offers no form for a machine the console cannot act on', async () => {
    await renderWithConsole(<StartIssuance />, { machines: [machine({ id: 'unknown', label: 'Unknown machine', actionable: false })] });
    expect(screen.queryByRole('region')).toBeNull();
  });
});
