import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../i18n/use-t';
import { useConsole } from '../../store/context';
import { FirstAccountDialog } from './FirstAccountDialog';
import { SignedInPerson } from './SignedInPerson';

function FirstAccountButton() {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="btn btn-row" onClick={() => setOpen(true)}>
        <span aria-hidden="true">+</span> {t('band:station.firstAccount')}
      </button>
      {open && <FirstAccountDialog onClose={() => setOpen(false)} />}
    </>
  );
}

/**
 * At the top of every screen, whom the console records actions as: the person signed in (with Sign out); on an open
 * station, the operating-system user; on a station that requires sign-in with nobody signed in, nobody: everything is
 * shown and nothing acts until someone signs in. Training never asks anyone to sign in. A band of its own rather than
 * a place in the navigation, which a name and Sign out would push onto two rows at 1366 pixels.
 */
export function StationBand() {
  const t = useT();
  const { auth, signInOpen, openSignIn } = useConsole(useShallow((s) => ({ auth: s.auth, signInOpen: s.signInOpen, openSignIn: s.openSignIn })));
  if (!auth || auth.training) return null;
  if (auth.person) return <SignedInPerson />;
  if (auth.openStation) {
    return (
      <div className="station-band station-open" role="status">
        <span className="station-band-icon" aria-hidden="true">
          ⚠
        </span>
        <p>
          <strong>{t('band:station.open')}</strong> {t('band:station.recordedAs')} <span className="mono">{auth.osUser}</span>
        </p>
        {auth.canCreateFirstAccount && <FirstAccountButton />}
      </div>
    );
  }
  if (!auth.signInRequired) return null;
  return (
    <div className="station-band station-locked" role="status">
      <span className="station-band-icon" aria-hidden="true">
        ℹ
      </span>
      <p>
        <strong>{t('band:station.nobody')}</strong> {t('band:station.readOnly')}{' '}
        {auth.canCreateFirstAccount ? t('band:station.noAccountYet') : t('band:station.signInToAct')}
      </p>
      {auth.canCreateFirstAccount ? (
        <FirstAccountButton />
      ) : (
        !signInOpen && (
          <button type="button" className="btn btn-row station-sign-in" onClick={() => openSignIn(true)}>
            <span aria-hidden="true">→</span> {t('band:station.signIn')}
          </button>
        )
      )}
    </div>
  );
}
