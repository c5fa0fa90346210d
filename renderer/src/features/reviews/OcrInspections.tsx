import {
  INSPECTION_PAGE_SIZE,
  REVIEW_CARD_INSPECTIONS,
  type Inspection,
  type InspectionSummary,
  type ReviewView,
} from '../../../../shared/api/reviews';
import { useConsole } from '../../store/context';
import { ReadText } from '../../ui/ReadText';
import type { InspectionPages } from './inspection-pages';

const percent = (value: number) => Math.round(value * 100);

/** Mean confidence as a number and a bar with the threshold marked; below it, the word says so, not only the colour. */
function Confidence({ inspection, threshold }: { inspection: Inspection; threshold: number }) {
  const sent = inspection.rawConfidence ?? inspection.confidence;
  if (sent === undefined) return <p className="confidence muted">No confidence sent by the machine</p>;
  // Only 0..1 is documented: any other value is shown exactly as it came and never read as a percentage.
  if (sent < 0 || sent > 1 || !Number.isFinite(sent)) {
    return (
      <div className="confidence confidence-low">
        <span className="confidence-number">
          Confidence as sent: <strong>{sent}</strong>
        </span>
        <strong className="confidence-warning">
          <span aria-hidden="true">⚠</span> Outside 0–1 as sent: check every character
        </strong>
      </div>
    );
  }
  const value = sent;
  const low = value < threshold;
  const clamped = Math.min(1, Math.max(0, value));
  return (
    <div className={`confidence${low ? ' confidence-low' : ''}`}>
      <span className="confidence-number">
        Confidence <strong>{percent(value)} %</strong> <span className="muted">({value.toFixed(2)})</span>
      </span>
      <div
        className="confidence-bar"
        role="meter"
        aria-label="Mean confidence"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent(clamped)}
      >
        <div className="confidence-fill" style={{ width: `${percent(clamped)}%` }} />
        <div className="confidence-threshold" style={{ left: `${percent(threshold)}%` }} title={`Threshold ${percent(threshold)} %`} />
      </div>
      {low && (
        <strong className="confidence-warning">
          <span aria-hidden="true">⚠</span> Below threshold ({percent(threshold)} %): check every character
        </strong>
      )}
    </div>
  );
}

/** What the core counted over every inspection, however many the list shows: above the list, in words. */
function Summary({ summary, threshold }: { summary: InspectionSummary; threshold: number }) {
  const count = (n: number) => n.toLocaleString('en');
  return (
    <p className="inspection-summary">
      <strong>
        {count(summary.total)} {summary.total === 1 ? 'inspection' : 'inspections'}
      </strong>
      {' · '}
      {summary.belowThreshold > 0 ? (
        <strong className="confidence-warning">
          <span aria-hidden="true">⚠</span> {count(summary.belowThreshold)} below the threshold ({percent(threshold)} %)
        </strong>
      ) : (
        <span>none below the threshold ({percent(threshold)} %)</span>
      )}
      {summary.lowest !== undefined && (
        <span>
          {' · '}lowest confidence <strong>{percent(summary.lowest)} %</strong> ({summary.lowest.toFixed(2)})
        </span>
      )}
      {summary.outOfRange > 0 && <span> · {count(summary.outOfRange)} sent outside 0–1</span>}
      {summary.missing > 0 && <span> · {count(summary.missing)} with no confidence sent</span>}
    </p>
  );
}

function InspectionList({ inspections, first, numbered }: { inspections: readonly Inspection[]; first: number; numbered: boolean }) {
  const threshold = useConsole((s) => s.confidenceThreshold);
  return (
    <ul className="inspections">
      {inspections.map((i, index) => (
        <li key={first + index} className="inspection" data-low={i.confidence === undefined || i.confidence < threshold}>
          <span className="inspection-name">
            {numbered && <span className="inspection-number">{(first + index + 1).toLocaleString('en')}. </span>}
            {i.name}
          </span>
          <span className="mono">
            <ReadText text={i.text} className="ocr-text" />
          </span>
          <Confidence inspection={i} threshold={threshold} />
        </li>
      ))}
    </ul>
  );
}

/** Under "Show all": one page of the read at a time, with where it is in words and large buttons to move. */
function Pager({ pages }: { pages: InspectionPages }) {
  const page = pages.page ?? 0;
  const from = page * INSPECTION_PAGE_SIZE;
  const to = Math.min(pages.total, from + INSPECTION_PAGE_SIZE);
  return (
    <div className="inspection-pager" role="group" aria-label="Inspections, page by page">
      <span>
        Inspections <strong>{(from + 1).toLocaleString('en')}–{to.toLocaleString('en')}</strong> of {pages.total.toLocaleString('en')} (page{' '}
        {page + 1} of {pages.pageCount})
      </span>
      <button type="button" className="btn btn-small" disabled={page === 0} onClick={() => pages.showPage(page - 1)}>
        <span aria-hidden="true">◀</span> Previous {INSPECTION_PAGE_SIZE}
      </button>
      <button type="button" className="btn btn-small" disabled={page + 1 >= pages.pageCount} onClick={() => pages.showPage(page + 1)}>
        Next {INSPECTION_PAGE_SIZE} <span aria-hidden="true">▶</span>
      </button>
      <button type="button" className="btn btn-small" onClick={pages.showFirst}>
        Show only the first {REVIEW_CARD_INSPECTIONS}
      </button>
    </div>
  );
}

/**
 * The inspections of an OCR read: its name, what was read in a large monospace face, and how sure the machine was.
 * The core's counts over every inspection come first; the card lists the first REVIEW_CARD_INSPECTIONS, and "Show
 * all" pages through the rest, so a message with tens of thousands of results never freezes the screen.
 */
export function OcrInspections({ review, pages }: { review: ReviewView; pages: InspectionPages }) {
  const threshold = useConsole((s) => s.confidenceThreshold);
  const first = review.payload.inspections ?? [];
  if (pages.total === 0) return <p className="muted">The machine sent no inspection result.</p>;
  return (
    <>
      {review.inspectionSummary && <Summary summary={review.inspectionSummary} threshold={threshold} />}
      {pages.page === undefined ? (
        <>
          <InspectionList inspections={first} first={0} numbered={pages.more} />
          {pages.more && (
            <p className="inspection-more">
              <span>
                Showing the first {first.length} of {pages.total.toLocaleString('en')} inspections.
              </span>
              <button type="button" className="btn btn-small" onClick={() => pages.showPage(0)}>
                Show all {pages.total.toLocaleString('en')}, {INSPECTION_PAGE_SIZE} a page
              </button>
            </p>
          )}
        </>
      ) : (
        <>
          <Pager pages={pages} />
          {pages.rows.state === 'loading' && <p className="muted">Loading inspections…</p>}
          {pages.rows.state === 'failed' && (
            <p className="error-text" role="alert">
              Could not load these inspections: {pages.rows.error}
            </p>
          )}
          {pages.rows.state === 'loaded' && (
            <>
              <InspectionList inspections={pages.rows.value} first={pages.page * INSPECTION_PAGE_SIZE} numbered />
              {/* Again below a page read to its end, so that the next one is one press away. */}
              <Pager pages={pages} />
            </>
          )}
        </>
      )}
    </>
  );
}
