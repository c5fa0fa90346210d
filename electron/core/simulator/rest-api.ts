import express from 'express';
import type { MachineKind } from '../../../shared/api/views';
import { readForm, type TokenIssuer } from './auth';
import {
  instanceSummary,
  jobInstance,
  machineStatusDto,
  metricsDto,
  resumeItem,
  stateDto,
  suspendedJob,
  systemInfoDto,
  type SimulatedApiVersion,
} from './dto';
import { systemStatusDto, type SessionLedger } from './machine-health';
import type { SimulatedMachine } from './messages';
import { cardSnapshotPng } from './snapshot-png';
import type { StartParams, WorkflowScheduler } from './scheduler';
import type { PhysicalWorld } from './world';

/** One request the console made, as a trainer or a test checks what was sent. */
export interface RecordedCall {
  method: string;
  /** Path with its query string. */
  path: string;
  body: unknown;
  /** The simulator's answer; set once it is sent. */
  status?: number;
}

export interface RestApiDeps {
  scheduler: WorkflowScheduler;
  /** With credentials configured, every endpoint but the token's needs a Bearer token it issued. */
  issuer: TokenIssuer;
  /**
   * A desktop system runs the AIDA mini, whose API (1.6.3.26) lacks auth/token, resume-items, the suspended lists,
   * workflow-messages/pending and machine/status.
   */
  kind: () => MachineKind;
  /** Which published API the machine plays: 1.6 adds machine/status, job-instances/suspended, workflow-messages/pending. */
  version: SimulatedApiVersion;
  machine: SimulatedMachine;
  world: Readonly<PhysicalWorld>;
  calls: RecordedCall[];
  /** The machine's personalization sessions, brought up to date before each answer. */
  sessions: SessionLedger;
  now: () => number;
}

const BASE = '/aida/v1/workflow-scheduler';
const KEEP_CALLS = 10_000;

const flag = (value: unknown) => typeof value === 'string' && value.toLowerCase() === 'true';

function startParams(body: unknown): StartParams | string {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) return 'the body must be a WorkflowSchedulerStartupParamsDto object';
  const b = body as Record<string, unknown>;
  const params: StartParams = {};
  if (typeof b['jobTemplateName'] === 'string') params.jobTemplateName = b['jobTemplateName'];
  if (typeof b['workflowTypeName'] === 'string') params.workflowTypeName = b['workflowTypeName'];
  if (b['stopAfter'] !== undefined && b['stopAfter'] !== null) {
    if (!Number.isInteger(b['stopAfter']) || (b['stopAfter'] as number) < 1) return 'stopAfter must be a positive integer';
    params.stopAfter = b['stopAfter'] as number;
  }
  if (typeof b['dryRun'] === 'boolean') params.dryRun = b['dryRun'];
  const metadata = b['metadataFields'];
  if (metadata !== undefined && metadata !== null) {
    if (typeof metadata !== 'object' || Array.isArray(metadata)) return 'metadataFields must be an object';
    params.metadataFields = metadata as Record<string, unknown>;
  }
  return params;
}

/** The REST API a console calls on an AIDA machine (`http://<machine>:5000`), as far as the console uses it. */
export function createRestApi(deps: RestApiDeps): express.Express {
  const { scheduler, calls } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  app.use((req, res, next) => {
    const call: RecordedCall = { method: req.method, path: req.originalUrl, body: undefined };
    calls.push(call);
    if (calls.length > KEEP_CALLS) calls.shift();
    res.on('finish', () => {
      call.body = (res.locals['recordedBody'] as unknown) ?? (req.body as unknown);
      call.status = res.statusCode;
    });
    next();
  });

  const boxOnly: express.RequestHandler = (_req, res, next) => {
    if (deps.kind() === 'desktop') res.status(404).json({ error: 'not offered by a desktop system' });
    else next();
  };
  const since16: express.RequestHandler = (_req, res, next) => {
    if (deps.version !== '1.6') res.status(404).json({ error: 'not offered before AIDA 1.6' });
    else next();
  };

  app.post('/aida/v1/auth/token', boxOnly, express.raw({ type: () => true, limit: '64kb' }), async (req, res) => {
    const form = await readForm(req.headers['content-type'], Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));
    if (!form) {
      res.status(400).json('the body must be a multipart form: UserName, Password, ClientId, ClientSecret, grant_type');
      return;
    }
    const shown = Object.fromEntries([...form].map(([k, v]) => [k, /password|secret/i.test(k) ? '[redacted]' : v]));
    res.locals['recordedBody'] = shown;
    const token = deps.issuer.issue(form);
    if (token) res.json(token);
    else res.status(403).json('invalid credentials');
  });

  const api = express.Router();
  // A desktop system's published API declares Bearer but has no auth/token, hence nothing to check a token against.
  const bearer = deps.issuer.middleware();
  const secured: express.RequestHandler = (req, res, next) => (deps.issuer.required && deps.kind() === 'box' ? bearer(req, res, next) : next());
  api.use(secured);
  api.use(express.json({ limit: '1mb' }));

  app.get('/aida/v1/system/info', secured, (_req, res) => {
    res.json(systemInfoDto(deps.machine, deps.kind(), deps.version));
  });

  app.get('/aida/v1/machine/status', boxOnly, since16, secured, (_req, res) => {
    res.json(machineStatusDto(scheduler, deps.world, deps.now()));
  });

  app.get('/aida/v1/system/status', secured, (_req, res) => {
    res.json(systemStatusDto(scheduler, deps.world));
  });

  app.get('/aida/v1/personalizationsession/personalization-sessions', boxOnly, since16, secured, (_req, res) => {
    deps.sessions.sync(scheduler, deps.now());
    res.json(deps.sessions.dtos(deps.now()));
  });

  app.get('/aida/v1/personalizationsession/personalization-session/last-30-days', boxOnly, since16, secured, (_req, res) => {
    deps.sessions.sync(scheduler, deps.now());
    res.json(deps.sessions.days());
  });

  // The mini's API offers the camera too (1.6.3.26).
  app.get('/aida/v1/scanner/camera/get-snapshot', since16, secured, (_req, res) => {
    res.type('image/png').send(cardSnapshotPng(new Date(deps.now())));
  });

  api.post('/start', (req, res) => {
    const params = startParams(req.body);
    if (typeof params === 'string') {
      res.status(400).json({ error: params });
      return;
    }
    const outcome = scheduler.start(params);
    res.status(outcome.status).json(outcome.status === 200 ? stateDto(scheduler, deps.now()) : outcome.body);
  });

  api.post('/resume', (_req, res) => {
    const resumed = scheduler.resume();
    res.json(resumed.map((j) => jobInstance(j, scheduler.session?.sessionId)));
  });

  api.post('/stop', (req, res) => {
    // The seed names the flag stopRunningWorkflows, the OpenAPI stopAllRunningWorkflows: either aborts.
    const abort = flag(req.query['stopAllRunningWorkflows']) || flag(req.query['stopRunningWorkflows']);
    const errorCode = typeof req.query['errorCode'] === 'string' ? req.query['errorCode'] : undefined;
    scheduler.stop(abort, errorCode);
    res.json(stateDto(scheduler, deps.now()));
  });

  api.post('/workflows/signal/external-process-completed', (req, res) => {
    const outcome = scheduler.signal(req.body);
    if (Array.isArray(outcome.body)) res.json(outcome.body.map((j) => jobInstance(j, scheduler.session?.sessionId)));
    else res.status(outcome.status).json(outcome.body);
  });

  api.get('/state', (_req, res) => {
    res.json(stateDto(scheduler, deps.now()));
  });

  api.get('/metrics', (_req, res) => {
    res.json(metricsDto(scheduler, deps.now()));
  });

  api.get('/queued-jobs', (_req, res) => {
    res.json(scheduler.session?.queue.map((q) => q.jobId) ?? []);
  });

  api.get('/workflows/running', (_req, res) => {
    res.json(scheduler.inFlight.filter((j) => j.status === 'Running').map(instanceSummary));
  });

  api.get('/workflow-instances/running', (_req, res) => {
    res.json(scheduler.inFlight.filter((j) => j.status === 'Running').map((j) => j.workflowInstanceId));
  });

  api.get('/workflow-instances/suspended', boxOnly, (_req, res) => {
    res.json(scheduler.inFlight.filter((j) => j.status === 'Suspended').map(instanceSummary));
  });

  api.get('/resume-items', boxOnly, (_req, res) => {
    res.json(scheduler.inFlight.filter((j) => j.suspendedWith !== undefined).map(resumeItem));
  });

  api.get('/job-instances/suspended', boxOnly, since16, (_req, res) => {
    res.json(scheduler.inFlight.filter((j) => j.status === 'Suspended').map((j) => suspendedJob(j, scheduler.session?.sessionId)));
  });

  // Every webhook is posted and answered before the machine goes on, so none is ever left pending here.
  api.get('/workflow-messages/pending', boxOnly, since16, (_req, res) => {
    res.json([]);
  });

  app.use(BASE, api);

  app.use((_req, res) => {
    res.status(404).json({ error: 'not found' });
  });

  // Bad JSON and the like: a 4xx with a reason, as ASP.NET answers, and the simulator keeps serving.
  app.use((err: Error & { status?: number }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    res.status(err.status && err.status >= 400 && err.status < 500 ? err.status : 500).json({ error: err.message });
  });

  return app;
}
