/** What one call to an AIDA machine came to: whether it reached AIDA's application, and what that answered. */
export interface AidaAnswer {
  /** `answered`: AIDA's application replied (any status). `unreached`: the request provably never reached it
   *  (connection refused, connect timeout, 502/503/504 from a proxy). `ambiguous`: it may have been applied. */
  reach: 'answered' | 'unreached' | 'ambiguous';
  status?: number;
  body?: string;
  /** The body as sent, for a request that asked for bytes (the camera's picture); `body` is then empty. */
  bytes?: Uint8Array;
  contentType?: string;
  error?: string;
  /** `refused`: the token endpoint refused the configured credentials, so the request itself was never sent. */
  auth?: 'refused';
  /**
   * False when the console knew, without asking, that this machine's API has no such endpoint (an AIDA mini): the
   * answer then reads as a 404, which every caller already takes as "not offered".
   */
  offered?: false;
}

export const isSuccess = (a: AidaAnswer): boolean => a.reach === 'answered' && a.status !== undefined && a.status < 300;

export function describeAnswer(a: AidaAnswer): string {
  if (a.offered === false || a.auth) return a.error ?? 'not sent';
  if (a.status !== undefined) return `HTTP ${a.status}${a.body ? `: ${a.body.slice(0, 500)}` : ''}`;
  return a.error ?? 'no answer';
}
