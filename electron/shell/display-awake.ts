import { powerSaveBlocker } from 'electron';

/**
 * Holds the display on while the console needs it (see keepDisplayAwake): a kiosk screen that dims to black hides an
 * alarm. One blocker at a time, released as soon as it is no longer needed so the screen sleeps on a quiet floor.
 */
export function displayAwake(log: (line: string) => void): (needed: boolean) => void {
  let blocker: number | undefined;
  return (needed) => {
    if (needed && blocker === undefined) {
      blocker = powerSaveBlocker.start('prevent-display-sleep');
      log('display kept awake: a machine is issuing or an alert is open');
    } else if (!needed && blocker !== undefined) {
      powerSaveBlocker.stop(blocker);
      blocker = undefined;
      log('display may sleep again: nothing issuing, no alert open');
    }
  };
}
