import type { ReactNode } from 'react';

/** One of the audit trail's tables (commands, other events, refused PINs): the same scroll box, look and header row. */
export function AuditTable({ columns, children }: { columns: readonly string[]; children: ReactNode }) {
  return (
    <div className="table-scroll">
      <table className="data-table audit-table">
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
