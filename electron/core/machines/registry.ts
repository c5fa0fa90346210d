import type { MachineKind } from '../../../shared/api/views';
import { AidaClient, DEFAULT_SIGNAL } from '../aida/client';
import type { MachineConfig } from '../config/schema';
import { UNKNOWN_MACHINE_ID, type MachineIdentity } from '../domain/machine-match';

export interface RegisteredMachine extends MachineIdentity {
  label: string;
  kind: MachineKind;
  client: AidaClient | undefined;
}

/** The machines the console knows: the configured ones, and "unknown machine" for messages matched to none. */
export class MachineRegistry {
  private readonly byId = new Map<string, RegisteredMachine>();

  constructor(configs: readonly MachineConfig[]) {
    for (const c of configs) {
      this.byId.set(c.id, {
        id: c.id,
        label: c.label ?? c.id,
        kind: c.kind,
        client: new AidaClient(c.apiUrl, {
          credentials: c.credentials,
          // A desktop system runs the AIDA mini, whose API lacks the token endpoint and the lists of suspended work.
          variant: c.kind === 'desktop' ? 'mini' : 'aida',
          ...(c.timeoutMs ? { timeoutMs: c.timeoutMs } : {}),
          signal: {
            path: c.signal?.path ?? DEFAULT_SIGNAL.path,
            instanceKey: c.signal?.instanceKey ?? DEFAULT_SIGNAL.instanceKey,
            useCallbackUrl: c.signal?.useCallbackUrl ?? false,
          },
        }),
        ...(c.serial ? { serial: c.serial } : {}),
        ...(c.hostName ? { hostName: c.hostName } : {}),
        ...(c.machineName ? { machineName: c.machineName } : {}),
      });
    }
  }

  configured(): RegisteredMachine[] {
    return [...this.byId.values()];
  }

  get(id: string): RegisteredMachine {
    return (
      this.byId.get(id) ?? { id: UNKNOWN_MACHINE_ID, label: 'Unknown machine', kind: 'box', client: undefined }
    );
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }
}
