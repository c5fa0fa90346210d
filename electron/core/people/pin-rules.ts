import type { Role } from '../../../shared/api/people';

/**
 * Why a new PIN or password is refused for this role, as its catalog key (`refusals:…`, said in the reader's
 * language), or undefined when it is fine.
 */
export function pinProblem(role: Role, pin: string): string | undefined {
  if (role === 'it') {
    if (/^\d+$/.test(pin)) return pin.length >= 6 ? undefined : 'refusals:itPinShort';
    return pin.length >= 8 ? undefined : 'refusals:itPasswordShort';
  }
  return /^\d{4,8}$/.test(pin) ? undefined : 'refusals:pinDigits';
}

/** A badge number as a reader types it: digits and letters, nothing that could be a typo'd PIN pasted in. Its catalog key when refused. */
export function badgeProblem(badge: string): string | undefined {
  return /^[A-Za-z0-9]{4,64}$/.test(badge.trim()) ? undefined : 'refusals:badgeChars';
}
