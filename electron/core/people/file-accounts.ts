import type { FileAccount } from '../config/schema';
import type { AccountRepo } from '../store/account-repo';
import { asParam } from '../../../shared/i18n/stored-text';
import { nameKey, type Accounts, type Witness } from './accounts';
import { detail, listOf, roleOf } from './audit-lines';

/**
 * Mirrors the machine-wide file's `people` into the database at start: new entries become accounts (source `file`),
 * changed ones follow the file, and accounts no longer in the file are disabled, never deleted, so their names stay
 * in the audit. Their lock state lives in the database like anyone's. A name a console account already has is not
 * taken over: it is reported and skipped.
 */
export function syncFileAccounts(
  entries: readonly FileAccount[],
  repo: AccountRepo,
  accounts: Accounts,
  by: Witness,
  at: () => Date,
  log: (line: string) => void,
): void {
  const inFile = new Set<string>();
  for (const entry of entries) {
    const key = nameKey(entry.name);
    if (inFile.has(key)) {
      log(`machine-wide file: people: "${entry.name}" is listed twice; the first entry is used`);
      continue;
    }
    inFile.add(key);
    const badgeKey = entry.badgeHash ?? null;
    const owner = badgeKey === null ? undefined : repo.byBadge(badgeKey);
    if (owner && nameKey(owner.name) !== key) {
      log(`machine-wide file: people: the badge of "${entry.name}" belongs to ${owner.name} already; provisioned without it`);
    }
    const badge = owner && nameKey(owner.name) !== key ? null : badgeKey;
    const existing = repo.byName(key);
    if (existing && existing.source === 'console') {
      log(`machine-wide file: people: "${entry.name}" is an account made at this console already; the file's entry is skipped`);
      continue;
    }
    const now = at().toISOString();
    if (!existing) {
      const created = repo.insert({ name: entry.name.trim(), nameKey: key, role: entry.role, source: 'file', pinHash: entry.pinHash, badgeKey: badge ?? undefined, mustChangePin: false }, now);
      accounts.record('account-provisioned', created, by, detail('file.provisioned', { role: roleOf(entry.role) }));
      continue;
    }
    const changes = listOf(
      [
        existing.role !== entry.role ? detail('roleChanged', { from: roleOf(existing.role), to: roleOf(entry.role) }) : undefined,
        existing.pinHash !== entry.pinHash ? detail('file.pinChanged') : undefined,
        (existing.badgeKey ?? null) !== badge ? detail('badgeChanged') : undefined,
        existing.disabled ? detail('file.enabledAgain') : undefined,
      ].filter((part) => part !== undefined),
    );
    if (!changes) continue;
    const updated = repo.update(existing.id, { role: entry.role, pinHash: entry.pinHash, badgeKey: badge, disabled: false }, now);
    accounts.record('account-changed', updated, by, detail('file.changed', { changes: asParam(changes) }));
  }
  for (const account of repo.list()) {
    if (account.source !== 'file' || account.disabled || inFile.has(nameKey(account.name))) continue;
    repo.update(account.id, { disabled: true }, at().toISOString());
    accounts.record('account-changed', account, by, detail('file.removed'));
  }
}
