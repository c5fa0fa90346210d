import type { ConsoleHandlers } from '../../../shared/api/dispatch';
import { ok } from '../../../shared/api/result';
import type { StorageView } from '../../../shared/api/storage';

export function storageHandlers(read: () => Promise<StorageView>): Pick<ConsoleHandlers, 'getStorage'> {
  return { getStorage: async () => ok(await read()) };
}
