import { z } from 'zod';

/**
 * A machine's health as its own API reports it (AIDA `GET system/status`, and on 1.6 box systems `GET machine/status`).
 * Codes and states travel as the machine sent them; the page puts them in words. Nothing is filled in where the
 * machine said nothing: an absent field reads "not reported".
 */

/**
 * `ahead`: the machine reports something that will stop issuance if nobody acts (a cartridge running low or expiring,
 * one feeder empty while another still feeds). `now`: it reports something that stops or blocks issuance now.
 */
export const HealthWarningLevelSchema = z.enum(['ahead', 'now']);
export type HealthWarningLevel = z.infer<typeof HealthWarningLevelSchema>;

export const HealthWarningSchema = z.object({
  /** A `SystemErrorCodes` name as sent, or `FeederEmpty` for one feeder of several. */
  code: z.string(),
  level: HealthWarningLevelSchema,
  /** Which feeder, interlock or board it is about, as the machine names it. */
  subject: z.string().optional(),
});
export type HealthWarning = z.infer<typeof HealthWarningSchema>;

export const MachineHealthViewSchema = z.object({
  /** When the machine was last asked. */
  at: z.string(),
  /** `SystemStatus` as sent (Ready, Busy, Warning, Error, Booting, Warming, Maintenance, or a name of another version). */
  systemStatus: z.string().optional(),
  /** `SystemErrorCodes` as sent; absent when system/status did not answer. */
  systemErrors: z.array(z.string()).optional(),
  /** Each laser board's interlocks (covers, doors), by the machine's own names. */
  interlocks: z.array(z.object({ name: z.string(), open: z.boolean() })).optional(),
  feeders: z.array(z.object({ name: z.string(), status: z.string() })).optional(),
  /** The transport's modules and whether it is moving a card now. */
  transport: z
    .object({
      busy: z.boolean().optional(),
      modules: z.array(z.object({ name: z.string(), status: z.string() })),
    })
    .optional(),
  laserBoards: z.array(z.object({ name: z.string(), laser: z.string().optional(), openInterlocks: z.boolean().optional() })).optional(),
  /** What will stop issuance, or stops it now, as the machine reports it: the most urgent first. */
  warnings: z.array(HealthWarningSchema),
  /** Whether the machine offers each endpoint (an AIDA mini has no machine/status; AIDA 1.0 neither). */
  offers: z.object({ systemStatus: z.boolean(), machineStatus: z.boolean() }),
});
export type MachineHealthView = z.infer<typeof MachineHealthViewSchema>;
