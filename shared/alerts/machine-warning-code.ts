/**
 * The `code` of a machine-warning alert: the warning's code, then `:` and its subject (the feeder's name) when it names
 * one. One alert per warning and subject: a second empty feeder is a new alert, not the first one again.
 */
export function machineWarningCode(warning: { code: string; subject?: string | undefined }): string {
  return warning.subject ? `${warning.code}:${warning.subject}` : warning.code;
}

/** The warning a machine-warning alert's code names; a subject may itself hold a `:`. */
export function machineWarningOf(code: string): { code: string; subject?: string } {
  const at = code.indexOf(':');
  if (at < 0) return { code };
  const subject = code.slice(at + 1);
  return subject ? { code: code.slice(0, at), subject } : { code: code.slice(0, at) };
}
