import { useMemo } from 'react';
import {
  INSPECTION_PAGE_SIZE,
  REVIEW_CARD_INSPECTIONS,
  type Inspection,
  type InspectionSummary,
  type ReviewView,
} from '../../../../shared/api/reviews';
import { INTL_LOCALE } from '../../../../shared/i18n/languages';
import { useT } from '../../i18n/use-t';
import { useConsole } from '../../store/context';
import { ReadText } from '../../ui/ReadText';
import { useFormat } from '../format';
import type { InspectionPages } from './inspection-pages';

const percent = (value: number) => Math.round(value * 100);

/**
 * The words and number formats every row uses, made once per list: a page holds a hundred rows, and translating the
 * same labels and building the same number formats for each row made paging slow.
 */
function useRowWords(threshold: number) {
  const t = useT();
  const language = useConsole((s) => s.language);
  return useMemo(() => {
    const limit = { percent: percent(threshold) };
    const twoPlaces = new Intl.NumberFormat(INTL_LOCALE[language], { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const whole = new Intl.NumberFormat(INTL_LOCALE[language]);
    return {
      noConfidence: t('reviews:inspections.noConfidence'),
      asSent: t('reviews:inspections.confidenceAsSent'),
      outsideRange: t('reviews:inspections.outsideRange'),
      confidence: t('reviews:inspections.confidence'),
      meanConfidence: t('reviews:inspections.meanConfidence'),
      threshold: t('reviews:inspections.threshold', limit),
      belowThreshold: t('reviews:inspections.belowThresholdCheck', limit),
      /** A confidence as the machine's 0..1, two places, with the viewer's decimal sign. */
      decimal: (value: number) => twoPlaces.format(value),
      number: (n: number) => `${whole.format(n)}.`,
    };
  }, [t, language, threshold]);
}

type RowWords = ReturnType<typeof useRowWords>;

/** Mean confidence as a number and a bar with the threshold marked; below it, the word says so, not only the colour. */
function Confidence({ inspection, threshold, words }: { inspection: Inspection; threshold: number; words: RowWords }) {
  const sent = inspection.rawConfidence ?? inspection.confidence;
  if (sent === undefined) return <p className="confidence muted">{words.noConfidence}</p>;
  // Only 0..1 is documented: any other value is shown exactly as it came and never read as a percentage.
  if (sent < 0 || sent > 1 || !Number.isFinite(sent)) {
    return (
      <div className="confidence confidence-low">
        <span className="confidence-number">
          {words.asSent} <strong>{sent}</strong>
        </span>
        <strong className="confidence-warning">
          <span aria-hidden="true">⚠</span> {words.outsideRange}
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
        {words.confidence} <strong>{percent(value)} %</strong> <span className="muted">({words.decimal(value)})</span>
      </span>
      <div
        className="confidence-bar"
        role="meter"
        aria-label={words.meanConfidence}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent(clamped)}
      >
        <div className="confidence-fill" style={{ width: `${percent(clamped)}%` }} />
        <div className="confidence-threshold" style={{ left: `${percent(threshold)}%` }} title={words.threshold} />
      </div>
      {low && (
        <strong className="confidence-warning">
          <span aria-hidden="true">⚠</span> {words.belowThreshold}
        </strong>
      )}
    </div>
  );
}

/** What the core counted over every inspection, however many the list shows: above the list, in words. */
function Summary({ summary, threshold }: { summary: InspectionSummary; threshold: number }) {
  const t = useT();
  const format = useFormat();
  const below = { percent: percent(threshold) };
  return (
    <p className="inspection-summary">
      <strong>{t('reviews:inspections.count', { count: summary.total })}</strong>
      {' · '}
      {summary.belowThreshold > 0 ? (
        <strong className="confidence-warning">
          <span aria-hidden="true">⚠</span> {t('reviews:inspections.belowThreshold', { count: summary.belowThreshold, ...below })}
        </strong>
      ) : (
        <span>{t('reviews:inspections.noneBelow', below)}</span>
      )}
      {summary.lowest !== undefined && (
        <span>
          {' · '}
          {t('reviews:inspections.lowest')} <strong>{percent(summary.lowest)} %</strong> ({format.number(summary.lowest, 2)})
        </span>
      )}
      {summary.outOfRange > 0 && <span> · {t('reviews:inspections.outOfRange', { count: summary.outOfRange })}</span>}
      {summary.missing > 0 && <span> · {t('reviews:inspections.missing', { count: summary.missing })}</span>}
    </p>
  );
}

function InspectionList({ inspections, first, numbered }: { inspections: readonly Inspection[]; first: number; numbered: boolean }) {
  const threshold = useConsole((s) => s.confidenceThreshold);
  const words = useRowWords(threshold);
  return (
    <ul className="inspections">
      {inspections.map((i, index) => (
        <li key={first + index} className="inspection" data-low={i.confidence === undefined || i.confidence < threshold}>
          <span className="inspection-name">
            {numbered && <span className="inspection-number">{words.number(first + index + 1)} </span>}
            {i.name}
          </span>
          <span className="mono">
            <ReadText text={i.text} className="ocr-text" />
          </span>
          <Confidence inspection={i} threshold={threshold} words={words} />
        </li>
      ))}
    </ul>
  );
}

/** Under "Show all": one page of the read at a time, with where it is in words and large buttons to move. */
function Pager({ pages }: { pages: InspectionPages }) {
  const t = useT();
  const page = pages.page ?? 0;
  const from = page * INSPECTION_PAGE_SIZE;
  const to = Math.min(pages.total, from + INSPECTION_PAGE_SIZE);
  return (
    <div className="inspection-pager" role="group" aria-label={t('reviews:inspections.pageByPage')}>
      <span>
        {t('reviews:inspections.pageRange')} <strong>{t('reviews:inspections.range', { from: from + 1, to })}</strong>{' '}
        {t('reviews:inspections.pageOf', { total: pages.total, page: page + 1, pages: pages.pageCount })}
      </span>
      <button type="button" className="btn btn-small" disabled={page === 0} onClick={() => pages.showPage(page - 1)}>
        <span aria-hidden="true">◀</span> {t('reviews:inspections.previous', { count: INSPECTION_PAGE_SIZE })}
      </button>
      <button type="button" className="btn btn-small" disabled={page + 1 >= pages.pageCount} onClick={() => pages.showPage(page + 1)}>
        {t('reviews:inspections.next', { count: INSPECTION_PAGE_SIZE })} <span aria-hidden="true">▶</span>
      </button>
      <button type="button" className="btn btn-small" onClick={pages.showFirst}>
        {t('reviews:inspections.showFirst', { count: REVIEW_CARD_INSPECTIONS })}
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
  const t = useT();
  const threshold = useConsole((s) => s.confidenceThreshold);
  const first = review.payload.inspections ?? [];
  if (pages.total === 0) return <p className="muted">{t('reviews:inspections.noResult')}</p>;
  return (
    <>
      {review.inspectionSummary && <Summary summary={review.inspectionSummary} threshold={threshold} />}
      {pages.page === undefined ? (
        <>
          <InspectionList inspections={first} first={0} numbered={pages.more} />
          {pages.more && (
            <p className="inspection-more">
              <span>{t('reviews:inspections.showingFirst', { shown: first.length, total: pages.total })}</span>
              <button type="button" className="btn btn-small" onClick={() => pages.showPage(0)}>
                {t('reviews:inspections.showAll', { total: pages.total, perPage: INSPECTION_PAGE_SIZE })}
              </button>
            </p>
          )}
        </>
      ) : (
        <>
          <Pager pages={pages} />
          {pages.rows.state === 'loading' && <p className="muted">{t('reviews:inspections.loading')}</p>}
          {pages.rows.state === 'failed' && (
            <p className="error-text" role="alert">
              {t('reviews:inspections.loadFailed', { error: pages.rows.error })}
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
