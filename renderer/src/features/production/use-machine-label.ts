import { useCallback, useMemo } from 'react';
import { useConsole } from '../../store/context';

/**
 * A machine's label as the console knows it, else its id (a machine no longer configured still has its figures).
 * Stable while the labels stay the same, however often the machines' states change: the charts are not redrawn.
 */
export function useMachineLabel(): (id: string) => string {
  const pairs = useConsole((s) => JSON.stringify(s.machines.map((m) => [m.id, m.label])));
  const labels = useMemo(() => new Map(JSON.parse(pairs) as [string, string][]), [pairs]);
  return useCallback((id: string) => labels.get(id) ?? id, [labels]);
}
