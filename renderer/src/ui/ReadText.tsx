import type { Translate } from '../../../shared/i18n/translate';
import { useT } from '../i18n/use-t';

/** What the spaces around a read mean to the person comparing it with the card; undefined when there are none. */
export function spacingNote(t: Translate, text: string): string | undefined {
  if (text === '') return undefined;
  const spaces = (count: number) => t('ui:read.spaces', { count });
  if (text.trim() === '') return t('ui:read.only', { spaces: spaces(text.length) });
  const leading = text.length - text.trimStart().length;
  const trailing = text.length - text.trimEnd().length;
  const parts = [
    leading ? t('ui:read.startsWith', { spaces: spaces(leading) }) : '',
    trailing ? t('ui:read.endsWith', { spaces: spaces(trailing) }) : '',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : undefined;
}

/**
 * Text a machine read (OCR, a readback), exactly as sent: spaces kept where they are, an empty read said in words,
 * and spaces at either end named, since a person cannot see them. The read itself is never translated.
 */
export function ReadText({ text, className }: { text: string; className?: string }) {
  const t = useT();
  if (text === '') return <span className={`${className ?? ''} muted`}>{t('ui:read.nothing')}</span>;
  const note = spacingNote(t, text);
  return (
    <>
      <span className={`${className ?? ''} read-text`}>{text}</span>
      {note && <span className="read-text-note">({note})</span>}
    </>
  );
}
