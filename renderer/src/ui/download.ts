/**
 * Starts the download of a file the console serves (the served page's audit export): a link to it, clicked. The
 * console streams the file as it reads it, so nothing of it passes through the page's memory. CSP is no obstacle: a
 * download is neither a fetch (connect-src) nor a navigation the policy covers.
 */
export function downloadFrom(url: string, filename: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
}

/**
 * Saves text the core made (the shift report's CSV) as a file: a blob link of the page's own, clicked. The app's
 * session lets only such downloads through and asks where to save; a browser saves as it does any download.
 */
export function saveText(filename: string, content: string, mediaType: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: `${mediaType};charset=utf-8` }));
  downloadFrom(url, filename);
  // The click has handed the blob to the download; a moment later it is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
