import type { Role } from '../../../shared/api/people';

/** The console's views. The alerts stay above every one of them. `only`: the role the view is for (the core refuses the rest). */
export const VIEWS = [
  { id: 'operate', label: 'Machines & jobs' },
  { id: 'reviews', label: 'Reviews' },
  { id: 'alerts', label: 'Alert history' },
  { id: 'production', label: 'Production' },
  { id: 'audit', label: 'Audit' },
  { id: 'activity', label: 'People & prints' },
  { id: 'verification', label: 'Verifications' },
  { id: 'deliveries', label: 'Rejected deliveries' },
  { id: 'people', label: 'Accounts', only: 'it' },
] as const satisfies readonly { id: string; label: string; only?: Role }[];

export type ViewId = (typeof VIEWS)[number]['id'];
