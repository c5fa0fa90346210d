import type { ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useConsole } from '../../store/context';
import { ChangePinScreen } from './ChangePinScreen';
import { SignInScreen } from './SignInScreen';

/**
 * What takes the place of the views: the PIN change IT asked for comes before anything else; the sign-in screen while
 * someone signs in; otherwise the views. The alerts above stay on screen throughout. Training never asks anyone.
 */
export function SessionScreen({ children }: { children: ReactNode }) {
  const { auth, signInOpen } = useConsole(useShallow((s) => ({ auth: s.auth, signInOpen: s.signInOpen })));
  if (!auth || auth.training) return children;
  if (auth.person && auth.mustChangePin) return <ChangePinScreen />;
  if (signInOpen && !auth.person) return <SignInScreen />;
  return children;
}
