import type { CodedText } from '../../../shared/api/coded-text';
import type { MachineKind } from '../../../shared/api/views';

/**
 * Why Resume is not possible for a suspension (a catalog key, for each viewer's language), or undefined when it is.
 * The one place this rule lives: the machine view carries it to the UI, and the Resume handler refuses with it.
 */
export function resumeRefusal(kind: MachineKind, suspensionCode: string): CodedText | undefined {
  // "Desktop machines cannot recover from CARD_JAM" (seed 000).
  if (kind === 'desktop' && suspensionCode === 'CardJam') return { code: 'refusals:desktopCardJam' };
  return undefined;
}
