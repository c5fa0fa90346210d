import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AccountView } from '../../../../shared/api/people';
import { useT } from '../../i18n/use-t';
import { useConsole } from '../../store/context';
import { AccountRow } from './AccountRow';
import { CreateAccountDialog } from './AccountDialogs';

/**
 * IT's screen: every account, where it comes from, whether it is locked or must change its PIN, and what IT may change
 * on it. Accounts IT provisioned in the machine-wide file are read-only here (the file is their source); only their
 * lock, which this console keeps, can be cleared.
 */
export function PeopleView() {
  const t = useT();
  const { accounts, error, loadAccounts } = useConsole(
    useShallow((s) => ({ accounts: s.accounts, error: s.accountsError, loadAccounts: s.loadAccounts })),
  );
  const [creating, setCreating] = useState(false);
  useEffect(() => {
    void loadAccounts();
  }, [loadAccounts]);

  return (
    <section className="panel people" aria-labelledby="people-title">
      <div className="people-top">
        <h2 id="people-title">{t('people:accounts.title')}</h2>
        <button type="button" className="btn btn-go" onClick={() => setCreating(true)}>
          <span aria-hidden="true">+</span> {t('people:accounts.create')}
        </button>
      </div>
      <p className="muted">
        {t('people:accounts.fileNote')}
      </p>
      {error && (
        <p className="error-text" role="alert">
          {t('people:accounts.readFailed', { error })}
        </p>
      )}
      <ul className="account-list" aria-label={t('people:accounts.list')}>
        {sorted(accounts).map((a) => (
          <AccountRow key={a.id} account={a} />
        ))}
      </ul>
      {creating && <CreateAccountDialog onClose={() => setCreating(false)} />}
    </section>
  );
}

/** Enabled accounts first, then by name: the list IT reads is the people who can sign in. */
function sorted(accounts: AccountView[]): AccountView[] {
  return [...accounts].sort((a, b) => Number(a.disabled) - Number(b.disabled) || a.name.localeCompare(b.name));
}
