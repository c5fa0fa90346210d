import type { Role } from '../../../shared/api/people';

/**
 * The console's views, each named by `app:views.<id>`. The alerts stay above every one of them. `only`: the role the
 * view is for (the core refuses the rest).
 */
export const VIEWS = [
  { id: 'operate' },
  { id: 'reviews' },
  { id: 'alerts' },
  { id: 'production' },
  { id: 'audit' },
  { id: 'activity' },
  { id: 'verification' },
  { id: 'deliveries' },
  { id: 'people', only: 'it' },
] as const satisfies readonly { id: string; only?: Role }[];

export type ViewId = (typeof VIEWS)[number]['id'];
