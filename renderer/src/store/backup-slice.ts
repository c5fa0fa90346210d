import { translator } from '../../../shared/i18n/translate';
import type { BackupStatus } from '../../../shared/api/backup';
import { actionKey, runAction } from './actions';
import type { ConsoleState, SliceCreator } from './types';

export interface BackupSlice {
  /** The console's backups: the last one, its check, where they go; undefined until the settings screen asks. */
  backup: BackupStatus | undefined;
  loadBackup(): Promise<void>;
  receiveBackup(backup: BackupStatus): void;
  /** IT's "Back up now": resolves once the copy is made and checked. */
  backUpNow(): Promise<void>;
}

export const createBackupSlice: SliceCreator<BackupSlice> = (set, get, client) => ({
  backup: undefined,
  async loadBackup() {
    const result = await client.getBackupStatus({});
    if (result.ok) set({ backup: result.value });
  },
  receiveBackup(backup) {
    set({ backup });
  },
  async backUpNow() {
    await runAction(set, get, { key: actionKey.backup, label: translator(get().language)('actions:backUp') }, () => client.backUpNow({}), (backup) => set({ backup }));
  },
});

export const selectBackup = (s: ConsoleState): BackupStatus | undefined => s.backup;
