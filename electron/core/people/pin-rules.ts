import type { Role } from '../../../shared/api/people';

/** Why a new PIN or password is refused for this role, or undefined when it is fine. */
export function pinProblem(role: Role, pin: string): string | undefined {
  if (role === 'it') {
    if (/^\d+$/.test(pin)) return pin.length >= 6 ? undefined : 'An IT PIN has 6 digits or more (or use a password of 8 characters or more).';
    return pin.length >= 8 ? undefined : 'An IT password has 8 characters or more (or use a PIN of 6 digits or more).';
  }
  return /^\d{4,8}$/.test(pin) ? undefined : 'A PIN has 4 to 8 digits.';
}

/** A badge number as a reader types it: digits and letters, nothing that could be a typo'd PIN pasted in. */
export function badgeProblem(badge: string): string | undefined {
  return /^[A-Za-z0-9]{4,64}$/.test(badge.trim()) ? undefined : 'A badge number has 4 to 64 letters or digits.';
}
