import { config } from 'zod';

// zod probes `new Function` to compile its checks; the page's policy forbids eval, and the probe is reported as a
// violation. Interpreted checks are fast enough for the page's messages. Imported first by main.tsx, so that it runs
// before any module parses anything.
config({ jitless: true });
