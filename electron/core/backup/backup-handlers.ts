import type { ConsoleHandlers } from '../../../shared/api/dispatch';
import { ok } from '../../../shared/api/result';
import type { BackupService } from './backup-service';

/** The backup methods of the ConsoleApi: the status the settings screen shows, and IT's "Back up now". */
export function backupHandlers(backup: BackupService): Pick<ConsoleHandlers, 'getBackupStatus' | 'backUpNow'> {
  return {
    getBackupStatus: async () => ok(backup.status()),
    backUpNow: async () => ok(await backup.backUpNow()),
  };
}
