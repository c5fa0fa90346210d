import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Which folder may import what (DESIGN.md): the layers are enforced here, not only described. */
const noNode = {
  patterns: [
    { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'net', 'crypto'], message: 'Node APIs are not available here.' },
    { group: ['electron', 'electron/*'], message: 'Electron belongs to the shell only.' },
    { group: ['**/electron/**', '../electron/*'], message: 'The UI and the contract never import main-process code.' },
  ],
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['scripts/**/*.mjs', '*.mjs', '*.mts'],
    languageOptions: { globals: globals.node },
  },
  {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...noNode.patterns, { group: ['react', 'react-*', 'zustand', 'zustand/*', '**/renderer/**'], message: 'shared/ is the contract: no UI code.' }] },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'The core runs in plain Node: no Electron.' },
            { group: ['**/renderer/**', 'react', 'react-*', 'zustand', 'zustand/*'], message: 'The core never imports UI code.' },
            { group: ['../main', '../preload', '../shell/*', '**/electron/shell/**'], message: 'The core never imports the shell.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main.ts', 'electron/preload.ts', 'electron/shell/**/*.ts', 'electron/serve.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/renderer/**', 'react', 'react-*', 'zustand'], message: 'The shell never imports UI code.' }] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', noNode],
    },
  },
);
