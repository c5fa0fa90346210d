import type { ReactNode } from 'react';
import type { audit } from '../../../../shared/i18n/texts/audit';
import { useT } from '../../i18n/use-t';

type Column = keyof typeof audit.en.column;

/** One of the audit trail's tables (commands, other events, refused PINs): the same scroll box, look and header row. */
export function AuditTable({ columns, children }: { columns: readonly Column[]; children: ReactNode }) {
  const t = useT();
  return (
    <div className="table-scroll">
      <table className="data-table audit-table">
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {t(`audit:column.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
