const spaces = (n: number) => `${n} space${n === 1 ? '' : 's'}`;

/** What the spaces around a read mean to the person comparing it with the card; undefined when there are none. */
export function spacingNote(text: string): string | undefined {
  if (text === '') return undefined;
  if (text.trim() === '') return `${spaces(text.length)} only`;
  const leading = text.length - text.trimStart().length;
  const trailing = text.length - text.trimEnd().length;
  const parts = [leading ? `starts with ${spaces(leading)}` : '', trailing ? `ends with ${spaces(trailing)}` : ''].filter(Boolean);
  return parts.length ? parts.join(', ') : undefined;
}

/**
 * Text a machine read (OCR, a readback), exactly as sent: spaces kept where they are, an empty read said in words,
 * and spaces at either end named, since a person cannot see them.
 */
export function ReadText({ text, className }: { text: string; className?: string }) {
  if (text === '') return <span className={`${className ?? ''} muted`}>(nothing read)</span>;
  const note = spacingNote(text);
  return (
    <>
      <span className={`${className ?? ''} read-text`}>{text}</span>
      {note && <span className="read-text-note">({note})</span>}
    </>
  );
}
