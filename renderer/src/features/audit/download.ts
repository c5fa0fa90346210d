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
 * Offers text as a file download through a Blob URL. CSP is no obstacle: a download is neither a fetch (connect-src)
 * nor a navigation the policy covers, and nothing is loaded into the page.
 */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  downloadFrom(url, filename);
  // The browser has taken its copy once the click is handled; revoking later keeps the memory bounded.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
