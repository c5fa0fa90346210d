/**
 * The subject an audit event about alerts stores (acknowledged, shelved, unshelved, its reminder silenced): "alert 4",
 * or "alert 4, alert 5" for several. Stored as written, in every language: the audit screen words it in its reader's.
 */
export function alertSubject(ids: readonly number[]): string {
  return ids.map((id) => `alert ${id}`).join(', ');
}

/** The alert ids an audit subject names, or undefined when it names anything else (a setting, a feed's alert). */
export function alertIdsOf(subject: string): number[] | undefined {
  const ids = subject.split(', ').map((part) => /^alert (\d+)$/.exec(part)?.[1]);
  return ids.every((id) => id !== undefined) ? ids.map(Number) : undefined;
}
