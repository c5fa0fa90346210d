import { describe, expect, it } from 'vitest';
import { loadLayeredConfig } from '../../../electron/core/config/layered';
import { tempLocations, writeJson } from './helpers';

describe('the previous token or signing secret of a changeover', () => {
  it('is used beside the current one', () => {
    const locations = tempLocations();
    writeJson(locations.machine, {
      webhook: { token: 'the-new-listener-token-0123', previousToken: 'the-old-listener-token-0123' },
      rapidadmin: { signingSecret: 'new-secret', previousSigningSecret: 'old-secret' },
    });
    const { config, problems } = loadLayeredConfig([], { locations, fallbackDataDir: locations.dir });
    expect(problems).toEqual([]);
    expect(config.webhookPreviousToken).toBe('the-old-listener-token-0123');
    expect(config.rapidadmin?.previousSigningSecret).toBe('old-secret');
  });

  it('is ignored and reported without a current one, never used as if it were current', () => {
    const locations = tempLocations();
    writeJson(locations.machine, { webhook: { previousToken: 'the-old-listener-token-0123' }, rapidadmin: { previousSigningSecret: 'old-secret' } });
    const { config, problems } = loadLayeredConfig([], { locations, fallbackDataDir: locations.dir });
    expect(config.webhookToken).toBeUndefined();
    expect(config.webhookPreviousToken).toBeUndefined();
    expect(config.rapidadmin?.previousSigningSecret).toBeUndefined();
    expect(problems.map((p) => [p.key, p.message])).toEqual([
      ['webhook.previousToken', 'is set without webhook.token: ignored (set webhook.token to the new value first)'],
      ['rapidadmin.previousSigningSecret', 'is set without rapidadmin.signingSecret: ignored (set rapidadmin.signingSecret to the new value first)'],
    ]);
    expect(JSON.stringify(problems)).not.toContain('old-');
  });
});
