import { ConfigError, loadConfig } from './config/resolve';
import type { ConsoleConfig } from './config/schema';

/** Reads flags and config, or prints the one line that says what is wrong and exits. Shared by both entry points. */
export function configFromArgvOrExit(argv: readonly string[], fallbackDataDir?: string): ConsoleConfig {
  try {
    return loadConfig(argv, fallbackDataDir);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`issuance-console: ${err.message}`);
      process.exit(2);
    }
    throw err;
  }
}

export function announceStart(mode: 'training' | 'live', webhookUrl: string): void {
  if (mode === 'training') {
    console.log('Training mode: no machine configured, an AIDA simulator plays one on loopback.');
  }
  console.log(`Webhook URL: ${webhookUrl}`);
}
