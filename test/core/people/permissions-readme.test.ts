import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Permission } from '../../../shared/api/permissions';
import { permissionRows } from '../../../shared/api/permissions';

const README = join(__dirname, '../../../README.md');
const START = '<!-- permission matrix: generated from shared/api/permissions.ts by test/core/people/permissions-readme.test.ts -->';
const END = '<!-- end of permission matrix -->';

const CELL: Record<Permission, string> = { allowed: 'yes', 'step-up': 'step-up', refused: '—' };

/** The matrix as the README shows it: one row per ConsoleApi method, in permissions.ts's order. */
function table(): string {
  const lines = ['| method | operator | supervisor | IT | nobody signed in | note |', '|---|---|---|---|---|---|'];
  for (const r of permissionRows()) {
    lines.push(`| \`${r.method}\` | ${CELL[r.roles.operator]} | ${CELL[r.roles.supervisor]} | ${CELL[r.roles.it]} | ${r.signedOut ? 'yes' : '—'} | ${r.note ?? ''} |`);
  }
  return lines.join('\n');
}

describe('the README', () => {
  // `UPDATE_README=1 npx vitest run test/core/people/permissions-readme.test.ts` writes the table after a change.
  it('shows the permission matrix exactly as permissions.ts defines it', () => {
    const text = readFileSync(README, 'utf8');
    const from = text.indexOf(START);
    const to = text.indexOf(END);
    expect(from, 'the README has the matrix markers').toBeGreaterThan(-1);
    expect(to).toBeGreaterThan(from);
    const shown = text.slice(from + START.length, to).trim();
    if (process.env['UPDATE_README'] === '1' && shown !== table()) {
      writeFileSync(README, `${text.slice(0, from + START.length)}\n${table()}\n${text.slice(to)}`);
      return;
    }
    expect(shown).toBe(table());
  });
});
