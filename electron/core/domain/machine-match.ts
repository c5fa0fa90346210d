import type { AidaMessage } from '../../../shared/aida/message';

export const UNKNOWN_MACHINE_ID = 'unknown';

export interface MachineIdentity {
  id: string;
  serial?: string;
  hostName?: string;
  machineName?: string;
}

const same = (a: string | undefined, b: string | undefined) =>
  a !== undefined && b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Which configured machine sent a message: with one machine, every message is its; with several, matched by
 * MachineSerial, then HostName, then MachineName. No match: the unknown machine, kept and shown, never acted on.
 */
export function matchMachine(machines: readonly MachineIdentity[], msg: AidaMessage): string {
  if (machines.length === 1 && machines[0]) return machines[0].id;
  const bySerial = machines.find((m) => same(m.serial, msg.machineSerial));
  if (bySerial) return bySerial.id;
  const byHost = machines.find((m) => same(m.hostName, msg.hostName));
  if (byHost) return byHost.id;
  const byName = machines.find((m) => same(m.machineName, msg.machineName));
  return byName?.id ?? UNKNOWN_MACHINE_ID;
}
