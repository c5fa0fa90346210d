import { describe, expect, it } from 'vitest';
import type { AlertView } from '../../shared/api/alerts';
import type { MachineView } from '../../shared/api/views';
import { drawTrayIcon } from '../../electron/shell/tray-icon';
import { trayStatus } from '../../electron/shell/tray-state';

const machine = (label: string, scheduler: MachineView['scheduler'], extra: Partial<MachineView> = {}): MachineView => ({
  id: label.toLowerCase().replace(/\s/g, '-'),
  label,
  kind: 'box',
  actionable: true,
  scheduler,
  ...extra,
});

describe('the tray\'s state', () => {
  it('is the worst of the machines: alert, then stopped, then running', () => {
    expect(trayStatus([machine('Line 1', 'running'), machine('Line 2', 'running')], [], 'live', 'en').state).toBe('running');
    expect(trayStatus([machine('Line 1', 'running'), machine('Line 2', 'stopped')], [], 'live', 'en').state).toBe('stopped');
    expect(trayStatus([machine('Line 1', 'suspended'), machine('Line 2', 'stopped')], [], 'live', 'en').state).toBe('alert');
    expect(trayStatus([], [], 'live', 'en').state).toBe('stopped');
  });

  it('counts an open alert on a machine as an alert, a closed one not', () => {
    const alert = { id: 1, machineId: 'line-1', machineLabel: 'Line 1', kind: 'silence', priority: 'medium', cause: 'machine-silent', title: 't', text: 't', openedAt: 'x', actions: [] } satisfies AlertView;
    expect(trayStatus([machine('Line 1', 'running')], [alert], 'live', 'en').state).toBe('alert');
    expect(trayStatus([machine('Line 1', 'running')], [{ ...alert, closedAt: 'y' }], 'live', 'en').state).toBe('running');
  });

  it('names every machine\'s state in words, and says when it is training', () => {
    const { tooltip } = trayStatus([machine('Line 1', 'running'), machine('Line 2', 'suspended')], [], 'training', 'en');
    expect(tooltip).toBe('Issuance Console (training): ALERT — Line 1 running, Line 2 ALERT');
  });

  it('speaks the station\'s language', () => {
    const { tooltip } = trayStatus([machine('Line 1', 'running'), machine('Line 2', 'suspended')], [], 'training', 'de');
    expect(tooltip).toBe('Issuance Console (Schulung): ALARM — Line 1 läuft, Line 2 ALARM');
    expect(trayStatus([], [], 'live', 'de').tooltip).toBe('Issuance Console: gestoppt — keine Maschine');
  });

  it('fits the tooltip in what Windows shows', () => {
    const many = Array.from({ length: 20 }, (_, i) => machine(`Personalisation line ${i}`, 'running'));
    const { tooltip } = trayStatus(many, [], 'live', 'en');
    expect(tooltip.length).toBeLessThanOrEqual(127);
    expect(tooltip.endsWith('…')).toBe(true);
  });
});

describe('the tray\'s icons', () => {
  it('differ by shape, not only colour: each state covers a different set of pixels', () => {
    const coverage = (state: 'running' | 'alert' | 'stopped') => {
      const px = drawTrayIcon(state, 32);
      // White or near-black marks inside the badge, whatever their colour: the glyph's outline.
      return Array.from({ length: 32 * 32 }, (_, i) => {
        const [b, g, r, a] = [px[i * 4] ?? 0, px[i * 4 + 1] ?? 0, px[i * 4 + 2] ?? 0, px[i * 4 + 3] ?? 0];
        return a > 200 && (Math.min(r, g, b) > 230 || Math.max(r, g, b) < 40) ? 1 : 0;
      }).join('');
    };
    const glyphs = new Set([coverage('running'), coverage('alert'), coverage('stopped')]);
    expect(glyphs.size).toBe(3);
  });

  it('are transparent outside the badge', () => {
    const px = drawTrayIcon('running', 32);
    expect(px[3]).toBe(0);
    expect(px.length).toBe(32 * 32 * 4);
  });
});
