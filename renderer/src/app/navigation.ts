/** The console's views. The alerts stay above every one of them. */
export const VIEWS = [
  { id: 'operate', label: 'Machines & jobs' },
  { id: 'reviews', label: 'Reviews' },
  { id: 'alerts', label: 'Alert history' },
  { id: 'audit', label: 'Audit' },
  { id: 'activity', label: 'People & prints' },
  { id: 'verification', label: 'Verifications' },
  { id: 'deliveries', label: 'Rejected deliveries' },
] as const satisfies readonly { id: string; label: string }[];

export type ViewId = (typeof VIEWS)[number]['id'];
