import type { CommandKind, CommandView } from '../../../shared/api/views';
import { describeAnswer, isSuccess, type AidaAnswer, type AidaClient } from '../aida/client';
import type { CommandRepo } from '../store/command-repo';

export interface CommandRequest {
  machineId: string;
  kind: CommandKind;
  payload: unknown;
  actor: string;
  send: (client: AidaClient) => Promise<AidaAnswer>;
}

/**
 * Runs an operator command through the outbox: written (queued) before it is sent, then sent, then acknowledged or
 * failed with AIDA's answer. Every state change is announced so the UI shows it beside what was acted on.
 */
export class CommandRunner {
  constructor(
    private readonly repo: CommandRepo,
    private readonly announce: (command: CommandView) => void,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {}

  async run(client: AidaClient, request: CommandRequest): Promise<CommandView> {
    const queued = this.repo.create({ ...request, at: this.now() });
    this.announce(queued);
    this.announce(this.repo.update(queued.id, 'sent', undefined, this.now()));
    const answer = await request.send(client);
    const done = this.repo.update(queued.id, isSuccess(answer) ? 'acknowledged' : 'failed', describeAnswer(answer), this.now());
    this.announce(done);
    return done;
  }
}
