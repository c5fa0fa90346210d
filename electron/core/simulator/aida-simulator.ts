import express from 'express';
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { boundPort, listen } from '../webhooks/listener';
import { buildMessage, type SimulatedJob, type SimulatedMachine } from './messages';

export interface SimulatorOptions {
  webhookUrl: string;
  cardsPerBatch: number;
  feederCapacity: number;
  cardIntervalMs: number;
  machine?: SimulatedMachine;
  log?: (line: string) => void;
}

type SchedulerStatus = 'Stopped' | 'Running' | 'Suspended' | 'Stopping';

interface Batch {
  id: string;
  total: number;
  started: number;
  metadata: Record<string, string>;
}

/**
 * Plays an AIDA machine for training mode and the tests: serves the REST endpoints the console calls and posts the
 * webhooks seed 000 describes, one at a time and in order, as the machine does.
 */
export class AidaSimulator {
  private server: Server | undefined;
  private status: SchedulerStatus = 'Stopped';
  private suspendedWith: string | undefined;
  private feeder: number;
  private batch: Batch | undefined;
  private jobCounter = 0;
  private inFlight: { job: SimulatedJob; timer: NodeJS.Timeout } | undefined;
  private delivery: Promise<void> = Promise.resolve();
  private readonly machine: SimulatedMachine;
  private readonly listeners = new Set<() => void>();
  /** Every request the console made, newest last: what a trainer (or a test) checks the console sent. */
  readonly calls: { method: string; path: string; body: unknown }[] = [];

  constructor(private readonly options: SimulatorOptions) {
    this.feeder = options.feederCapacity;
    this.machine = options.machine ?? { machineName: 'AIDA-SIM', machineSerial: 'SIM-0001', hostName: 'aida-simulator' };
  }

  get url(): string {
    if (!this.server) throw new Error('simulator not started');
    return `http://127.0.0.1:${boundPort(this.server)}`;
  }

  get cardsInFeeder(): number {
    return this.feeder;
  }

  get schedulerStatus(): SchedulerStatus {
    return this.status;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async start(): Promise<string> {
    this.server = await listen(this.app(), '127.0.0.1', 0);
    return this.url;
  }

  async stop(): Promise<void> {
    if (this.inFlight) clearTimeout(this.inFlight.timer);
    this.inFlight = undefined;
    this.status = 'Stopped';
    await this.delivery;
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** What the trainee does at the machine: put cards in the input feeder. */
  loadCards(count: number): number {
    this.feeder += count;
    this.changed();
    return this.feeder;
  }

  /** Resolves once every webhook posted so far has been answered. */
  settled(): Promise<void> {
    return this.delivery;
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }

  private app(): express.Express {
    const app = express();
    app.use(express.json());
    app.use((req, _res, next) => {
      this.calls.push({ method: req.method, path: req.originalUrl, body: req.body as unknown });
      next();
    });
    const base = '/aida/v1/workflow-scheduler';
    app.post(`${base}/start`, (req, res) => {
      if (this.status !== 'Stopped') {
        res.status(409).json({ error: `issuance is ${this.status.toLowerCase()}` });
        return;
      }
      const body = (req.body ?? {}) as { stopAfter?: number; metadataFields?: Record<string, string> };
      this.startBatch(body.stopAfter ?? this.options.cardsPerBatch, body.metadataFields ?? {});
      res.json(this.stateDto());
    });
    app.post(`${base}/resume`, (_req, res) => {
      const resumed = this.resume();
      res.json(resumed);
    });
    app.post(`${base}/stop`, (req, res) => {
      const abort = req.query['stopRunningWorkflows'] === 'true' || req.query['stopAllRunningWorkflows'] === 'true';
      this.requestStop(abort);
      res.json(this.stateDto());
    });
    app.get(`${base}/state`, (_req, res) => {
      res.json(this.stateDto());
    });
    return app;
  }

  private stateDto(): Record<string, unknown> {
    return {
      status: this.status === 'Suspended' ? (this.suspendedWith === 'FeederEmpty' ? 'FeederEmpty' : 'Error') : this.status,
      errors: this.status === 'Suspended' && this.suspendedWith === 'FeederEmpty' ? ['FeederEmpty'] : [],
      queueSize: this.batch ? this.batch.total - this.batch.started : 0,
    };
  }

  private post(body: Record<string, unknown>): void {
    this.delivery = this.delivery.then(() => this.deliver(body));
  }

  private async deliver(body: Record<string, unknown>): Promise<void> {
    for (let attempt = 1; attempt <= 3; attempt++) {
      try {
        const res = await fetch(this.options.webhookUrl, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(5000),
        });
        await res.arrayBuffer();
        if (res.ok) return;
        this.options.log?.(`simulator: webhook ${String(body['messageType'])} answered ${res.status}`);
      } catch (err) {
        this.options.log?.(`simulator: webhook ${String(body['messageType'])} failed: ${(err as Error).message}`);
      }
      await new Promise((r) => setTimeout(r, 200 * attempt));
    }
  }

  private startBatch(total: number, metadata: Record<string, string>): void {
    this.batch = { id: `B${Date.now().toString(36).toUpperCase()}`, total, started: 0, metadata };
    this.status = 'Running';
    this.post(buildMessage(this.machine, 'WorkflowSchedulerStarted'));
    this.changed();
    this.next();
  }

  private next(): void {
    const batch = this.batch;
    if (this.status !== 'Running' || !batch || this.inFlight) return;
    if (batch.started >= batch.total) {
      this.finish('BatchCompleted');
      return;
    }
    if (this.feeder === 0) {
      this.status = 'Suspended';
      this.suspendedWith = 'FeederEmpty';
      this.post(buildMessage(this.machine, 'WorkflowSchedulerSuspended', { errorCode: 'FeederEmpty', jobStatus: 'Suspended' }));
      this.changed();
      return;
    }
    this.feeder -= 1;
    batch.started += 1;
    this.jobCounter += 1;
    const job: SimulatedJob = {
      jobId: String(this.jobCounter),
      batchId: batch.id,
      correlationId: `${batch.id}-${String(batch.started).padStart(4, '0')}`,
      workflowInstanceId: randomUUID().replace(/-/g, ''),
      metadata: batch.metadata,
    };
    this.post(buildMessage(this.machine, 'WorkflowStarted', { job, jobStatus: 'Running' }));
    const timer = setTimeout(() => this.complete(job), this.options.cardIntervalMs);
    this.inFlight = { job, timer };
    this.changed();
  }

  private complete(job: SimulatedJob): void {
    this.inFlight = undefined;
    this.post(
      buildMessage(this.machine, 'WorkflowCompleted', {
        job,
        jobStatus: 'Completed',
        documentProduced: true,
        destructiveOperationExecuted: true,
      }),
    );
    if (this.status === 'Stopping') this.finish('ManualStop');
    else this.next();
  }

  private resume(): unknown[] {
    if (this.status !== 'Suspended') return [];
    this.status = 'Running';
    this.suspendedWith = undefined;
    this.changed();
    // AIDA retries the activity that suspended: with the feeder still empty it suspends again.
    setImmediate(() => this.next());
    return [{ status: 'Resuming' }];
  }

  private requestStop(abort: boolean): void {
    if (this.status === 'Stopped') return;
    if (this.status === 'Suspended') {
      // The stop-reason list has its own reason for a stop requested while suspended with FeederEmpty.
      this.finish(this.suspendedWith === 'FeederEmpty' ? 'FeederEmpty' : 'ManualStop');
      return;
    }
    const running = this.inFlight;
    if (abort && running) {
      clearTimeout(running.timer);
      this.inFlight = undefined;
      this.post(
        buildMessage(this.machine, 'WorkflowCancelled', {
          job: running.job,
          jobStatus: 'Cancelled',
          errorCode: 'ManualStop',
          destructiveOperationExecuted: true,
        }),
      );
    }
    if (this.inFlight) {
      this.status = 'Stopping';
      this.post(buildMessage(this.machine, 'WorkflowSchedulerStopping', { stopReason: 'ManualStop' }));
      this.changed();
      return;
    }
    this.finish('ManualStop');
  }

  private finish(stopReason: string): void {
    this.status = 'Stopped';
    this.suspendedWith = undefined;
    this.batch = undefined;
    this.post(buildMessage(this.machine, 'WorkflowSchedulerStopped', { stopReason }));
    this.changed();
  }
}
