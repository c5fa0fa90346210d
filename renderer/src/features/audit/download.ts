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
