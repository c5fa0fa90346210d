/**
 * A translated sentence whose `backticked` parts are names to type exactly as written (settings, headers, config
 * keys): they are shown in the code face and never translated, so each language's text marks them the same way.
 */
export function CodeText({ text }: { text: string }) {
  return (
    <>
      {text.split('`').map((part, i) =>
        i % 2 === 1 ? (
          <span key={i} className="mono">
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </>
  );
}
