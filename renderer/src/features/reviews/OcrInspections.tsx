import type { ReviewPayload } from '../../../../shared/api/reviews';
import { useConsole } from '../../store/context';
import { ReadText } from '../../ui/ReadText';

type Inspection = NonNullable<ReviewPayload['inspections']>[number];

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

/** Every inspection of an OCR read: its name, what was read in a large monospace face, and how sure the machine was. */
export function OcrInspections({ inspections }: { inspections: readonly Inspection[] }) {
  const threshold = useConsole((s) => s.confidenceThreshold);
  if (inspections.length === 0) return <p className="muted">The machine sent no inspection result.</p>;
  return (
    <ul className="inspections">
      {inspections.map((i, index) => (
        <li key={index} className="inspection" data-low={i.confidence === undefined || i.confidence < threshold}>
          <span className="inspection-name">{i.name}</span>
          <span className="mono">
            <ReadText text={i.text} className="ocr-text" />
          </span>
          <Confidence inspection={i} threshold={threshold} />
        </li>
      ))}
    </ul>
  );
}
