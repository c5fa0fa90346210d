// jsdom has no matchMedia; uPlot (the production charts, imported with the app) asks it for the pixel ratio when it is
// loaded. A browser always answers: here every query answers "no match", and nothing listens for changes.
if (typeof window !== 'undefined' && typeof window.matchMedia !== 'function') {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      addListener: () => undefined,
      removeListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
