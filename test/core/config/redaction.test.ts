import { describe, expect, it } from 'vitest';
import { loadLayeredConfig } from '../../../electron/core/config/layered';
import { tempLocations, writeJson } from './helpers';

/** Everything the log and the settings screen would show of the problems, as one text. */
function problemsOf(file: unknown, argv: string[] = []) {
  const locations = tempLocations();
  writeJson(locations.user, file);
  const loaded = loadLayeredConfig(argv, { locations, fallbackDataDir: locations.dir });
  return { loaded, text: loaded.problems.map((p) => `config problem: ${p.where}: ${p.key ?? ''} ${p.message}`).join('\n') };
}

describe('secrets under misspelled keys', () => {
  it.each([
    ['review.supervisorPIN', { review: { supervisorPIN: '2468-pin-value' } }],
    ['review.supervisor_pin (a number)', { review: { supervisor_pin: 24681357 } }],
    ['webhook.Token', { webhook: { Token: 'token-value-0123456789' } }],
    ['webhook.tokn', { webhook: { tokn: 'token-value-0123456789' } }],
    ['rapidadmin.signingSecert', { rapidadmin: { signingSecert: 'secret-value-0123' } }],
    ['machinePasword', { machinePasword: 'password-value' }],
    ['rapidadmin.signing_secret', { rapidadmin: { signing_secret: 'secret-value-0123' } }],
    ['rapidadmin.SigningSecrets', { rapidadmin: { SigningSecrets: 'secret-value-0123' } }],
    ['idv.api-key', { idv: { 'api-key': 'key-value-0123' } }],
    ['ui.access_token', { ui: { access_token: 'token-value-0123456789-abcdef' } }],
    ['passwd', { passwd: 'password-value' }],
    ['machinePassword', { machinePassword: 'password-value' }],
  ])('never quote the value of %s, and still name the key', (_name, file) => {
    const { text } = problemsOf(file);
    expect(text).toContain('is not a known setting');
    for (const value of ['2468', 'token-value', 'secret-value', 'key-value', 'password-value']) expect(text).not.toContain(value);
  });

  it('still quotes a harmless wrong value, so IT sees what it wrote', () => {
    const { text } = problemsOf({ webhook: { port: 'eighty' }, stattion: 'Line 2' });
    expect(text).toContain('(got "eighty")');
    expect(text).toContain('(got "Line 2")');
  });

  it('never quotes the text around a JSON syntax error (a token pasted without its quotes)', () => {
    const { text } = problemsOf('{\n  "webhook": {\n    "token": s3cr3t-t0ken-value-0123\n  }\n}');
    expect(text).toContain('is not valid JSON (line 3, column 14)');
    expect(text).not.toContain('s3cr3t');
  });

  it('reads a file saved with a byte-order mark (Notepad) instead of calling it broken', () => {
    const { loaded } = problemsOf('\uFEFF{"station": "Line 4"}');
    expect(loaded.problems).toEqual([]);
    expect(loaded.config.station).toBe('Line 4');
  });

  it('never quotes the value after an unknown flag that looks secret', () => {
    const { text } = problemsOf({}, ['--supervisor-pin', '97531', 'stray']);
    expect(text).toContain('--supervisor-pin is not a console flag');
    expect(text).not.toContain('97531');
    expect(text).toContain('unexpected argument "stray"');
  });
});
