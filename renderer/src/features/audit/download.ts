/**
 * Offers text as a file download through a Blob URL. CSP is no obstacle: a download is neither a fetch (connect-src)
 * nor a navigation the policy covers, and nothing is loaded into the page.
 */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // The browser has taken its copy once the click is handled; revoking later keeps the memory bounded.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
