/**
 * Every request this console can make to an AIDA machine, with which published API offers it. The full API (box
 * systems, `aida`) offers them all from 1.6 on; the AIDA mini (desktop systems, `aida-mini` 1.6.3.26, and its SDK
 * 1.0.713 before it) lacks the token endpoint, the lists of suspended work, `machine/status` and the personalization sessions. A request the mini
 * does not offer is never sent to a machine of kind `desktop`: the client answers "not offered" itself.
 */

export type AidaVariant = 'aida' | 'mini';

export interface AidaEndpoint {
  method: 'GET' | 'POST';
  path: string;
  /** Offered by the AIDA mini's published API. */
  mini: boolean;
  /** First published in AIDA 1.6 (not in the 1.0.721 description). */
  since16?: true;
}

export const AIDA_ENDPOINTS = {
  token: { method: 'POST', path: '/aida/v1/auth/token', mini: false },
  state: { method: 'GET', path: '/aida/v1/workflow-scheduler/state', mini: true },
  metrics: { method: 'GET', path: '/aida/v1/workflow-scheduler/metrics', mini: true },
  resumeItems: { method: 'GET', path: '/aida/v1/workflow-scheduler/resume-items', mini: false },
  suspendedWorkflows: { method: 'GET', path: '/aida/v1/workflow-scheduler/workflow-instances/suspended', mini: false },
  suspendedJobs: { method: 'GET', path: '/aida/v1/workflow-scheduler/job-instances/suspended', mini: false, since16: true },
  resume: { method: 'POST', path: '/aida/v1/workflow-scheduler/resume', mini: true },
  stop: { method: 'POST', path: '/aida/v1/workflow-scheduler/stop', mini: true },
  start: { method: 'POST', path: '/aida/v1/workflow-scheduler/start', mini: true },
  signal: { method: 'POST', path: '/aida/v1/workflow-scheduler/workflows/signal/external-process-completed', mini: true },
  systemInfo: { method: 'GET', path: '/aida/v1/system/info', mini: true },
  machineStatus: { method: 'GET', path: '/aida/v1/machine/status', mini: false, since16: true },
  systemStatus: { method: 'GET', path: '/aida/v1/system/status', mini: true },
  sessions: { method: 'GET', path: '/aida/v1/personalizationsession/personalization-sessions', mini: false, since16: true },
  sessionDays: { method: 'GET', path: '/aida/v1/personalizationsession/personalization-session/last-30-days', mini: false, since16: true },
  snapshot: { method: 'GET', path: '/aida/v1/scanner/camera/get-snapshot', mini: true, since16: true },
} as const satisfies Record<string, AidaEndpoint>;

export type AidaEndpointName = keyof typeof AIDA_ENDPOINTS;

export const offeredBy = (variant: AidaVariant, name: AidaEndpointName): boolean => variant === 'aida' || AIDA_ENDPOINTS[name].mini;

/** The catalogue's name of a request, by method and path (the query string and a trailing slash ignored). */
export function endpointOf(method: string, path: string): AidaEndpointName | undefined {
  const bare = path.split('?')[0]?.replace(/\/+$/, '');
  const found = Object.entries(AIDA_ENDPOINTS).find(([, e]) => e.method === method && e.path === bare);
  return found?.[0] as AidaEndpointName | undefined;
}
