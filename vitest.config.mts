import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/core/**/*.test.ts', 'test/shared/**/*.test.ts', 'test/build/**/*.test.ts', 'test/shell/**/*.test.ts'],
          // test/build/ and serve-lan read the built app: it is built here, once, before any test starts.
          globalSetup: ['test/setup/temp-root.ts', 'test/setup/build.ts'],
          testTimeout: 20_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'components',
          environment: 'jsdom',
          include: ['test/renderer/**/*.test.tsx'],
          globalSetup: ['test/setup/temp-root.ts'],
          setupFiles: ['test/setup/jsdom-media.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          // Chromium first: in CI its absence fails the run at once, before a build is spent on it.
          globalSetup: ['test/setup/temp-root.ts', 'test/setup/chromium.ts', 'test/setup/build.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
