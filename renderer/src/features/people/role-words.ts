import type { Role } from '../../../../shared/api/people';
import { translator, type Translate } from '../../../../shared/i18n/translate';

/** A role as the floor says it, in the reader's language: on the nav bar, the name tiles and the People screen. */
export const roleWord = (t: Translate, role: Role): string => t(`people:role.${role}`);

const english = translator('en');

/** The English words, for the screens not yet given the reader's language. */
export const ROLE_WORD: Record<Role, string> = { operator: roleWord(english, 'operator'), supervisor: roleWord(english, 'supervisor'), it: roleWord(english, 'it') };
