/** The console's views. The alerts stay above every one of them. */
export const VIEWS = [{ id: 'operate', label: 'Machines & jobs' }] as const satisfies readonly { id: string; label: string }[];

export type ViewId = (typeof VIEWS)[number]['id'];
