import { app, dialog, type BrowserWindow } from 'electron';
import { basename, join } from 'node:path';
import { fail, ok, type Result } from '../../shared/api/result';

export interface SaveAsAsk {
  /** The dialog's title, in the language of whoever saves. */
  title: string;
  /** Proposed in the person's Documents folder. */
  filename: string;
  filter: { name: string; extensions: string[] };
}

export type SaveAsResult<T> = { kind: 'cancelled' } | ({ kind: 'saved'; filename: string; path: string } & T);

/**
 * Asks where to save (over `window` when it is open) and writes there with `write`, whose answer joins the result. A
 * closed dialog is `cancelled`, not an error; a path that cannot be written is `unavailable`, with the reason.
 */
export async function saveAs<T extends object>(
  window: BrowserWindow | undefined,
  ask: SaveAsAsk,
  write: (path: string) => Promise<T>,
): Promise<Result<SaveAsResult<T>>> {
  const options = { title: ask.title, defaultPath: join(app.getPath('documents'), ask.filename), filters: [ask.filter] };
  const chosen = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  if (chosen.canceled || !chosen.filePath) return ok({ kind: 'cancelled' });
  const path = chosen.filePath;
  try {
    const written = await write(path);
    return ok({ ...written, kind: 'saved', filename: basename(path), path });
  } catch (err) {
    return fail('unavailable', `could not write ${path}: ${(err as Error).message}`);
  }
}
