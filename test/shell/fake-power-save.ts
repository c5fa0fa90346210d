/** Electron's powerSaveBlocker: which blockers are held now, and every start and stop in order. */
export class FakePowerSaveBlocker {
  private nextId = 1;
  readonly held = new Map<number, string>();
  readonly history: string[] = [];

  start(type: string): number {
    const id = this.nextId++;
    this.held.set(id, type);
    this.history.push(`start ${type}`);
    return id;
  }

  stop(id: number): void {
    const type = this.held.get(id);
    if (type === undefined) throw new Error(`powerSaveBlocker.stop(${id}): no such blocker`);
    this.held.delete(id);
    this.history.push(`stop ${type}`);
  }

  isStarted(id: number): boolean {
    return this.held.has(id);
  }
}
