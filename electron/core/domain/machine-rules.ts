import type { MachineKind } from '../../../shared/api/views';

/**
 * Why Resume is not possible for a suspension, or undefined when it is. The one place this rule lives: the machine
 * view carries it to the UI, and the Resume handler refuses with it.
 */
export function resumeRefusal(kind: MachineKind, suspensionCode: string): string | undefined {
  // "Desktop machines cannot recover from CARD_JAM" (seed 000).
  if (kind === 'desktop' && suspensionCode === 'CardJam') {
    return 'a desktop machine cannot resume after a card jam: clear the jam, then Stop and start issuance again';
  }
  return undefined;
}
