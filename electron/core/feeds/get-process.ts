import { flattenFields, type ProcessDetails } from '../../../shared/api/feeds';
import { asRecord, field, idText } from '../../../shared/json-values';
import type { IdvSettings } from '../config/sources';

const MAX_ANSWER_CHARS = 256 * 1024;

/**
 * Calls the deployment's GetProcess for the full result of one verification. Its `status` and `result` are in the
 * PROCESS_RESULT_* vocabulary and are shown as they come, never translated into the webhook's PROCESS_STATE_* words.
 * Redirects are refused so the auth header never travels to another host. Never throws: a failure is the answer.
 */
export async function fetchProcessDetails(
  settings: NonNullable<IdvSettings['getProcess']>,
  processId: string,
  now: () => string,
): Promise<ProcessDetails> {
  const url = settings.urlTemplate.replaceAll('{processId}', encodeURIComponent(processId));
  try {
    const res = await fetch(url, {
      headers: { Accept: 'application/json', ...(settings.authHeader ? { [settings.authHeader.name]: settings.authHeader.value } : {}) },
      redirect: 'error',
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
    const text = (await res.text()).slice(0, MAX_ANSWER_CHARS);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { fetchedAt: now(), httpStatus: res.status, fields: [], error: `GetProcess answered ${res.status} with a body that is not JSON: ${text.slice(0, 200)}` };
    }
    const obj = asRecord(json);
    const status = idText(field(obj, 'status'));
    const result = idText(field(obj, 'result'));
    return {
      fetchedAt: now(),
      httpStatus: res.status,
      ...(status !== undefined ? { status } : {}),
      ...(result !== undefined ? { result } : {}),
      fields: flattenFields(json),
      ...(res.ok ? {} : { error: `GetProcess answered ${res.status}` }),
    };
  } catch (err) {
    return { fetchedAt: now(), fields: [], error: `GetProcess could not be called: ${(err as Error).message}` };
  }
}
