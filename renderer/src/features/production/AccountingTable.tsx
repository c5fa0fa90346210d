import type { ProductionCounts, ProductionGroupBy, ProductionRow } from '../../../../shared/api/production';
import type { Translate } from '../../../../shared/i18n/translate';
import { useT } from '../../i18n/use-t';
import type { Formats } from './formats';
import { NOT_REPORTED } from './outcomes';

const COLUMNS = ['started', 'completed', 'faulted', 'rejected', 'cancelled', 'destroyed', 'producedButFaulted', 'notReported', 'unfinished', 'yield', 'reprints', 'attempts'] as const;
type Column = (typeof COLUMNS)[number];

function cell(counts: ProductionCounts, column: Column, f: Formats): string {
  switch (column) {
    case 'yield':
      return f.share(counts.yield);
    case 'reprints':
      return f.count(counts.rapidadminReprints + counts.retriedJobs);
    default:
      return f.count(counts[column]);
  }
}

function CountCells({ counts, f }: { counts: ProductionCounts; f: Formats }) {
  return COLUMNS.map((c) => (
    <td key={c} className="num">
      {cell(counts, c, f)}
    </td>
  ));
}

function cancelledBy(t: Translate, f: Formats, counts: ProductionCounts): string {
  const named = (cause: string) => (cause === 'another-job' ? t('report:accounting.anotherJob') : cause === NOT_REPORTED ? t('report:downtime.notReported') : cause);
  return counts.cancelledBy.map((c) => `${named(c.cause)} ${f.count(c.count)}`).join(', ');
}

/**
 * The card accounting of a range or a shift: one row per group and the range's total, each column counting jobs.
 * Produced-but-faulted and destroyed may overlap; the table says by how many instead of letting them be added.
 */
export function AccountingTable({ groupBy, rows, total, f, groupName, caption, notes = true }: {
  groupBy: ProductionGroupBy;
  rows: readonly ProductionRow[];
  total: ProductionCounts;
  f: Formats;
  /** A group's key as a person reads it (a machine's label, an hour's time). */
  groupName: (row: ProductionRow) => string;
  caption: string;
  /** The notes under the table (overlap, cancelled by cause, what the columns mean): once per screen. */
  notes?: boolean;
}) {
  const t = useT();
  return (
    <div className="accounting">
      <div className="table-scroll">
        <table className="data-table accounting-table">
          <caption className="table-caption">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t(`report:groupBy.${groupBy}`)}</th>
              {COLUMNS.map((c) => (
                <th key={c} scope="col" className="num">
                  {t(`report:accounting.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.key}/${r.from ?? ''}`}>
                <th scope="row">{r.key === '' ? t('report:accounting.noneKnown') : groupName(r)}</th>
                <CountCells counts={r.counts} f={f} />
              </tr>
            ))}
            <tr className="total-row">
              <th scope="row">{t('report:accounting.total')}</th>
              <CountCells counts={total} f={f} />
            </tr>
          </tbody>
        </table>
      </div>
      {total.started === 0 && <p className="muted">{t('report:accounting.empty')}</p>}
      {notes && total.producedAndDestroyed > 0 && <p className="accounting-note">{t('report:accounting.overlap', { count: total.producedAndDestroyed })}</p>}
      {notes && total.cancelledBy.length > 0 && <p className="accounting-note">{t('report:accounting.cancelledBy', { list: cancelledBy(t, f, total) })}</p>}
      {notes && <p className="muted accounting-note">{t('report:accounting.explain')}</p>}
    </div>
  );
}
