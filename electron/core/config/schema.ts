import { z } from 'zod';
import { MachineKindSchema } from '../../../shared/api/views';

export const MachineConfigSchema = z.object({
  id: z.string().min(1).max(100),
  label: z.string().max(200).optional(),
  apiUrl: z.url({ protocol: /^https?$/ }),
  kind: MachineKindSchema.default('box'),
  /** Matched against MachineSerial, then HostName, then MachineName of each message. */
  serial: z.string().optional(),
  hostName: z.string().optional(),
  machineName: z.string().optional(),
});
export type MachineConfig = z.infer<typeof MachineConfigSchema>;

/** The config file's shape. Every key is optional: flags and defaults fill the rest. */
export const ConfigFileSchema = z
  .object({
    dataDir: z.string().optional(),
    station: z.string().max(100).optional(),
    webhook: z
      .object({
        host: z.string().optional(),
        port: z.number().int().min(0).max(65535).optional(),
      })
      .strict()
      .optional(),
    ui: z
      .object({ port: z.number().int().min(0).max(65535).optional() })
      .strict()
      .optional(),
    /**
     * `power-cut`: SQLite synchronous=FULL, an acknowledged message survives losing power. `crash`: synchronous=NORMAL
     * in WAL, survives a crash of the console but not of the OS; faster.
     */
    durability: z.enum(['power-cut', 'crash']).optional(),
    machines: z.array(MachineConfigSchema).optional(),
    training: z
      .object({
        cardsPerBatch: z.number().int().min(1).max(10_000).optional(),
        feederCapacity: z.number().int().min(0).max(10_000).optional(),
        cardIntervalMs: z.number().int().min(0).max(60_000).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type ConfigFile = z.infer<typeof ConfigFileSchema>;

export interface TrainingSettings {
  cardsPerBatch: number;
  feederCapacity: number;
  cardIntervalMs: number;
}

/** The effective configuration the core is created from. */
export interface ConsoleConfig {
  dataDir: string;
  station: string;
  webhookHost: string;
  webhookPort: number;
  uiPort: number;
  durability: 'power-cut' | 'crash';
  /** Training mode: no machine configured, an embedded simulator plays one on loopback. */
  training: TrainingSettings | undefined;
  machines: MachineConfig[];
}
