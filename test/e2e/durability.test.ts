import Database from 'better-sqlite3';
import { join } from 'node:path';
import { Agent, request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { workflowCompleted, workflowStarted } from '../fixtures/aida';
import { startFakeAida } from '../helpers/fake-aida';
import { startServe } from '../helpers/serve-process';

function post(url: URL, agent: Agent, body: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent, headers: { 'Content-Type': 'application/json' } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

describe('a console killed with SIGKILL mid-burst', () => {
  it('restarts with every acknowledged message and the job states they imply', async () => {
    const aida = await startFakeAida();
    const first = await startServe(['--aida-url', aida.url, '--webhook-host', '127.0.0.1']);
    const url = new URL(first.webhookUrl.replace(/\/\/[^/:]+:/, '//127.0.0.1:'));
    const agent = new Agent({ keepAlive: true, maxSockets: 16 });
    const acked: { messageId: string; jobId: string; type: string }[] = [];
    let next = 0;
    const TOTAL = 6000;
    const KILL_AFTER = 1500;
    let killed = false;

    const worker = async () => {
      while (next < TOTAL && !killed) {
        const i = next++;
        const jobId = String(Math.floor(i / 2));
        const msg = i % 2 === 0 ? workflowStarted(jobId) : workflowCompleted(jobId);
        const status = await post(url, agent, JSON.stringify(msg));
        if (status === 200) {
          acked.push({ messageId: msg['MessageId'] as string, jobId, type: msg['MessageType'] as string });
          if (acked.length >= KILL_AFTER && !killed) {
            killed = true;
            first.child.kill('SIGKILL');
          }
        }
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    await first.stop();
    agent.destroy();
    expect(killed).toBe(true);

    const second = await startServe(['--aida-url', aida.url, '--webhook-host', '127.0.0.1'], first.dataDir);
    await second.stop();
    await aida.close();

    const db = new Database(join(first.dataDir, 'console.sqlite'), { readonly: true });
    // The MessageId as the machine sent it (the de-duplication key adds the machine's identity to it).
    const stored = new Set(db.prepare<[], string>("SELECT json_extract(message, '$.messageId') FROM events").pluck().all());
    const jobs = new Map(
      (db.prepare('SELECT job_id, status FROM jobs').all() as { job_id: string; status: string }[]).map((r) => [r.job_id, r.status]),
    );
    db.close();

    const lost = acked.filter((a) => !stored.has(a.messageId));
    expect(lost).toEqual([]);
    for (const a of acked) {
      if (a.type === 'WorkflowCompleted') expect(jobs.get(a.jobId)).toBe('Completed');
      else expect(['Running', 'Completed']).toContain(jobs.get(a.jobId));
    }
  });
});
