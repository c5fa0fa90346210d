import type { JobState } from '../domain/job-state';

export interface Delivery {
  /** Which listener route took it: `aida`, and later other webhook sources. */
  source: string;
  receivedAt: string;
  remoteAddr: string | undefined;
  /** Already redacted: no secret reaches the disk. */
  headers: Record<string, string>;
  body: Buffer;
  /** Bytes received, which can exceed what was kept of an oversized body. */
  bodyLength: number;
  /** Present when the delivery is refused; it is still recorded. */
  rejection?: { status: number; reason: string };
  /** The parsed JSON body of an accepted delivery; absent when an authentic body could not be parsed. */
  json?: unknown;
}

/** What a source makes of an accepted delivery: the event to append to the log. */
export interface ParsedEvent {
  /** Deliveries with the same key are one event: the duplicate is acknowledged and counted, not applied. */
  dedupeKey?: string;
  type: string;
  /** Whom the event concerns: a machine id for AIDA, a system name for the others. */
  subject: string;
  message: unknown;
}

export interface StoredEvent<M = unknown> {
  seq: number;
  source: string;
  subject: string;
  type: string;
  receivedAt: string;
  message: M;
}

/** What a group of deliveries changed, so the UI is told once per group. */
export interface Changes {
  machines: Set<string>;
  jobs: Map<string, JobState>;
  /** Other views that changed (a source's own feeds), by name. */
  topics: Set<string>;
}

export const noChanges = (): Changes => ({ machines: new Set(), jobs: new Map(), topics: new Set() });

export const hasChanges = (c: Changes): boolean => c.machines.size > 0 || c.jobs.size > 0 || c.topics.size > 0;

/** One webhook source: how its deliveries become events, and how its events fold into projections. */
export interface SourceHandler {
  readonly source: string;
  /** Never throws: what cannot be read is kept in the message as notes. */
  parse(delivery: Delivery): ParsedEvent;
  /** Runs inside the ingest transaction; also used to rebuild projections from the log. */
  project(event: StoredEvent, changes: Changes): void;
  /** Tables holding only this source's projections, emptied before a rebuild. */
  readonly projectionTables: readonly string[];
  /** Writes what `project` held back during a batch (state folded many times, written once). */
  endBatch?(): void;
  /** Forgets what `project` held back, when the batch's savepoint was rolled back. */
  discardBatch?(): void;
}
