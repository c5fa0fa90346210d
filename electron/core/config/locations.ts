import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

/** The two config files every start reads besides `--config`: one IT provisions for the machine, one per user. */
export interface ConfigLocations {
  /** Written by IT (installer, GPO, config management); may lock keys. */
  machine: string;
  /** Written by the settings screen. */
  user: string;
}

export function defaultConfigLocations(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): ConfigLocations {
  if (platform === 'win32') {
    const { join } = win32;
    const programData = env['ProgramData'] ?? env['PROGRAMDATA'] ?? 'C:\\ProgramData';
    const appData = env['APPDATA'] ?? join(home, 'AppData', 'Roaming');
    return {
      machine: join(programData, 'IssuanceConsole', 'config.json'),
      user: join(appData, 'IssuanceConsole', 'config.json'),
    };
  }
  const { join } = posix;
  if (platform === 'darwin') {
    return {
      machine: '/Library/Application Support/IssuanceConsole/config.json',
      user: join(home, 'Library', 'Application Support', 'IssuanceConsole', 'config.json'),
    };
  }
  const xdgConfig = env['XDG_CONFIG_HOME'] || join(home, '.config');
  return { machine: '/etc/issuance-console/config.json', user: join(xdgConfig, 'issuance-console', 'config.json') };
}
