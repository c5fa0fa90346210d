import type { ProductionGroupBy, ProductionRow } from '../../../../shared/api/production';
import type { Formats } from './formats';

/** A row's group as a person reads it: a machine by its label, an hour or a shift with its time. */
export function groupName(groupBy: ProductionGroupBy, f: Formats, machineLabel: (id: string) => string): (row: ProductionRow) => string {
  return (row) => {
    switch (groupBy) {
      case 'machine':
        return machineLabel(row.key);
      case 'hour':
        return row.from === undefined ? row.key : f.dateTime(row.from);
      case 'shift':
        return row.from === undefined ? row.key : `${row.key}, ${f.dateTime(row.from)}`;
      case 'batch':
      case 'template':
        return row.key;
    }
  };
}
