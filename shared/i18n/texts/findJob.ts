import { namespace } from '../namespace';

/** The "Find job" box on every screen, typed or scanned (features/find-job). */
export const findJob = namespace(
  {
    looking: 'Looking for {{code}}…',
    opened: 'Opened job {{job}}.',
    openedInBatch: 'Opened job {{job}} (batch {{batch}}).',
    batch: 'Batch {{code}}: its jobs are listed under Machines & jobs.',
    several: 'Several jobs are named {{code}}: they are listed under Machines & jobs.',
    none: 'No job or batch {{code}} in this console.',
    failed: 'Could not look for {{code}}: {{error}}',
    search: 'Find a job',
    label: 'Find job',
    placeholder: 'Job id or batch',
    open: 'Open',
  },
  {
    looking: 'Suche {{code}} …',
    opened: 'Auftrag {{job}} geöffnet.',
    openedInBatch: 'Auftrag {{job}} geöffnet (Charge {{batch}}).',
    batch: 'Charge {{code}}: ihre Aufträge stehen unter Maschinen & Aufträge.',
    several: 'Mehrere Aufträge heißen {{code}}: sie stehen unter Maschinen & Aufträge.',
    none: 'Kein Auftrag und keine Charge {{code}} in dieser Konsole.',
    failed: 'Suche nach {{code}} nicht möglich: {{error}}',
    search: 'Auftrag suchen',
    label: 'Auftrag suchen',
    placeholder: 'Auftrag/Charge',
    open: 'Öffnen',
  },
);
