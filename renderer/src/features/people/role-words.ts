import type { Role } from '../../../../shared/api/people';

/** A role as the floor says it: on the nav bar, the name tiles and the People screen. */
export const ROLE_WORD: Record<Role, string> = {
  operator: 'Operator',
  supervisor: 'Supervisor',
  it: 'IT',
};
