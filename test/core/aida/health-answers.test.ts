import { describe, expect, it } from 'vitest';
import { imageType, readMachineStatus, readSessionDays, readSessions, readSystemStatus } from '../../../electron/core/aida/health-answers';
import { describeErrors, loadSpec } from '../../helpers/openapi';

/**
 * The readers of what a machine says about itself, on bodies checked first against the vendor's own schemas (AIDA
 * 1.6.3.25, and the mini 1.6.3.26 for system/status): what the spec allows is read, nothing else is made up.
 */

const FULL = loadSpec('aida-1.6.3.25');
const MINI = loadSpec('aida-mini-1.6.3.26');

const body = (value: unknown) => ({ body: JSON.stringify(value) });

function valid(spec: typeof FULL, schema: string, value: unknown) {
  const check = spec.validator({ $ref: `spec#/components/schemas/${schema}` });
  expect(check(value), `${schema}: ${describeErrors(check.errors)}`).toBe(true);
  return body(value);
}

describe('GET system/status (SystemStatusDto)', () => {
  it('reads the status and every error code as sent, in both APIs', () => {
    const dto = { status: 'Warning', errors: ['CartridgeLow', 'CartridgeExpiring'] };
    expect(readSystemStatus(valid(FULL, 'SystemStatusDto', dto))).toEqual(dto);
    expect(readSystemStatus(valid(MINI, 'SystemStatusDto', dto))).toEqual(dto);
  });

  it('keeps a code of another version verbatim, and reads a missing list as no error', () => {
    expect(readSystemStatus(body({ status: 'Ready', errors: ['RibbonLow'] }))).toEqual({ status: 'Ready', errors: ['RibbonLow'] });
    expect(readSystemStatus(valid(FULL, 'SystemStatusDto', { status: 'Ready', errors: null }))).toEqual({ status: 'Ready', errors: [] });
    expect(readSystemStatus({ body: 'not json' })).toBeUndefined();
  });
});

describe('GET machine/status (MachineStatusDto, AIDA 1.6)', () => {
  it('reads feeders, transport modules and each laser board\'s interlocks by the machine\'s own names', () => {
    const dto = {
      transport: {
        isExecutingCommand: true,
        modules: [{ moduleId: 1, serialNumber: 'TR-1', moduleStatus: 'Busy', moduleType: 'Transport', photoSensors: [] }],
        occupiedPositions: [],
        feeders: [
          { positionId: 'F1', status: 'Ready' },
          { positionId: 'F2', status: 'FeederEmpty' },
        ],
      },
      laserBoards: [{ serialNumber: 'LB-7', interlocks: [{ name: 'door', isOpen: true, displayName: 'Rear door' }], laserPen: 'Disabled', hasOpenInterlocks: true }],
      hasOpenInterlocks: true,
      allFeedersEmpty: false,
      schedulerStatus: 'Running',
    };
    expect(readMachineStatus(valid(FULL, 'MachineStatusDto', dto))).toEqual({
      hasOpenInterlocks: true,
      allFeedersEmpty: false,
      schedulerStatus: 'Running',
      transportBusy: true,
      modules: [{ name: 'TR-1', status: 'Busy' }],
      feeders: [
        { name: 'F1', status: 'Ready' },
        { name: 'F2', status: 'FeederEmpty' },
      ],
      laserBoards: [{ name: 'LB-7', laser: 'Disabled', openInterlocks: true, interlocks: [{ name: 'Rear door', open: true }] }],
    });
  });

  it('invents nothing where the machine sent nothing', () => {
    expect(readMachineStatus(valid(FULL, 'MachineStatusDto', {}))).toEqual({ modules: [], feeders: [], laserBoards: [] });
  });
});

describe('the personalization sessions (AIDA 1.6)', () => {
  const session = {
    id: 's-1',
    jobTemplateId: 3,
    jobTemplateName: 'Passport',
    startTime: '2026-03-02T08:00:00+01:00',
    endTime: null,
    jobsCompleted: 41,
    jobsFaulted: 2,
    cardsProcessed: 43,
    cardsPerHour: 120.5,
    averagePersonalizationTime: 28.1,
    averageEngravingTime: 12.4,
  };

  it('reads each session\'s totals and times (as UTC instants); a session without an end is still running', () => {
    const check = FULL.validator({ type: 'array', items: { $ref: 'spec#/components/schemas/PersonalizationSessionDto' } });
    expect(check([session]), describeErrors(check.errors)).toBe(true);
    expect(readSessions(body([session]))).toEqual([
      { id: 's-1', jobTemplateName: 'Passport', start: '2026-03-02T07:00:00.000Z', jobsCompleted: 41, jobsFaulted: 2, cardsProcessed: 43, cardsPerHour: 120.5 },
    ]);
  });

  it('leaves out a session it cannot compare (no start, or no job counts)', () => {
    expect(readSessions(body([{ ...session, startTime: undefined }, { id: 'x', startTime: session.startTime }]))).toEqual([]);
  });

  it('reads last-30-days as one count per day', () => {
    const days = [{ date: '2026-03-01T00:00:00Z', count: 3 }];
    const check = FULL.validator({ type: 'array', items: { $ref: 'spec#/components/schemas/PersoSessionAggregateDto' } });
    expect(check(days)).toBe(true);
    expect(readSessionDays(body(days))).toEqual(days);
  });
});

describe('the camera snapshot', () => {
  it('is recognised by its bytes, since the spec declares no type for it', () => {
    expect(FULL.operation('GET', '/aida/v1/scanner/camera/get-snapshot')?.responses?.['200']?.content).toBeUndefined();
    expect(imageType(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(imageType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(imageType(new TextEncoder().encode('<html>'))).toBeUndefined();
  });
});
