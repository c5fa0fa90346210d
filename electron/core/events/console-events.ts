import { EventEmitter } from 'node:events';
import type { ConsoleEvent } from '../../../shared/api/contract';

/** What the core pushes to every connected UI; transports subscribe, services emit. */
export class ConsoleEvents {
  private readonly emitter = new EventEmitter();

  readonly emit = (event: ConsoleEvent): void => {
    this.emitter.emit('event', event);
  };

  on(listener: (event: ConsoleEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }
}
