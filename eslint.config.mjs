import js from '@eslint/js';
import stylistic from '@stylistic/eslint-plugin';
import { builtinModules } from 'node:module';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Which folder may import what (README, Architecture): the layers are enforced here, not only described. */
const nodeMessage = 'Node APIs are not available here (the page is sandboxed; shared/ runs in both runtimes).';
const noNode = {
  // Every built-in by its exact name (`events`, `fs/promises`, …; exact, so `../rapidadmin/events` stays allowed), and any `node:` one.
  paths: builtinModules.map((name) => ({ name, message: nodeMessage })),
  patterns: [
    { regex: '^node:', message: nodeMessage },
    { group: ['electron', 'electron/*'], message: 'Electron belongs to the shell only.' },
    { group: ['**/electron/**', '../electron/*'], message: 'The UI and the contract never import main-process code.' },
  ],
};

/**
 * The formatter (`npm run lint`): the style the code is already written in, so a change in style shows in review, not the
 * whole tree. Prettier-like layout, 2 spaces, single quotes (double or a template literal to avoid an escape), semicolons,
 * trailing commas in multi-line lists, one statement per line, lines up to 160 (long strings and URLs may run over).
 * Not chosen, because the tree does not follow them: one JSX expression per line, operator / ternary line breaks, one list
 * item per line.
 */
const style = {
  '@stylistic/indent': ['error', 2, {
    SwitchCase: 1,
    offsetTernaryExpressions: true,
    // Prettier's layouts for curried arrows (`(id) =>\n  (s) =>\n    …`), broken type arguments and `${\n … \n}`.
    ignoredNodes: ['ArrowFunctionExpression > ArrowFunctionExpression', 'TSTypeParameterInstantiation', 'TemplateLiteral *'],
  }],
  '@stylistic/max-len': ['error', { code: 160, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreUrls: true, ignoreRegExpLiterals: true }],
  '@stylistic/quotes': ['error', 'single', { avoidEscape: true, allowTemplateLiterals: 'avoidEscape' }],
  '@stylistic/jsx-quotes': ['error', 'prefer-double'],
  '@stylistic/semi': ['error', 'always'],
  '@stylistic/semi-spacing': 'error',
  '@stylistic/semi-style': 'error',
  '@stylistic/no-extra-semi': 'error',
  '@stylistic/member-delimiter-style': 'error',
  '@stylistic/comma-dangle': ['error', 'always-multiline'],
  '@stylistic/comma-spacing': 'error',
  '@stylistic/comma-style': 'error',
  '@stylistic/key-spacing': 'error',
  '@stylistic/keyword-spacing': 'error',
  '@stylistic/space-infix-ops': 'error',
  '@stylistic/space-unary-ops': 'error',
  '@stylistic/space-before-blocks': 'error',
  '@stylistic/space-before-function-paren': ['error', { anonymous: 'always', named: 'never', asyncArrow: 'always' }],
  '@stylistic/space-in-parens': 'error',
  '@stylistic/switch-colon-spacing': 'error',
  // `{ a }` and `{\n a,\n}` for objects, types, imports; calls and arrays are laid out freely (tables of values, fixtures).
  '@stylistic/list-style': ['error', { overrides: { '()': 'off', '[]': 'off' } }],
  '@stylistic/computed-property-spacing': 'error',
  '@stylistic/block-spacing': 'error',
  '@stylistic/arrow-spacing': 'error',
  '@stylistic/arrow-parens': ['error', 'always'],
  '@stylistic/function-call-spacing': 'error',
  '@stylistic/type-annotation-spacing': 'error',
  '@stylistic/type-generic-spacing': 'error',
  '@stylistic/type-named-tuple-spacing': 'error',
  '@stylistic/template-curly-spacing': 'error',
  '@stylistic/template-tag-spacing': 'error',
  '@stylistic/rest-spread-spacing': 'error',
  '@stylistic/generator-star-spacing': ['error', { before: false, after: true }],
  '@stylistic/yield-star-spacing': ['error', 'after'],
  '@stylistic/no-whitespace-before-property': 'error',
  '@stylistic/dot-location': ['error', 'property'],
  '@stylistic/new-parens': 'error',
  '@stylistic/wrap-iife': ['error', 'inside'],
  '@stylistic/no-floating-decimal': 'error',
  '@stylistic/brace-style': ['error', '1tbs', { allowSingleLine: true }],
  '@stylistic/nonblock-statement-body-position': 'error',
  '@stylistic/max-statements-per-line': ['error', { max: 1 }],
  '@stylistic/one-var-declaration-per-line': 'error',
  '@stylistic/padded-blocks': ['error', 'never'],
  '@stylistic/spaced-comment': ['error', 'always', { markers: ['/'], block: { balanced: true } }],
  '@stylistic/no-multi-spaces': 'error',
  '@stylistic/no-trailing-spaces': 'error',
  '@stylistic/no-tabs': 'error',
  '@stylistic/no-mixed-spaces-and-tabs': 'error',
  '@stylistic/no-multiple-empty-lines': ['error', { max: 1, maxEOF: 0, maxBOF: 0 }],
  '@stylistic/eol-last': 'error',
  '@stylistic/linebreak-style': ['error', 'unix'],
  '@stylistic/jsx-curly-spacing': 'error',
  '@stylistic/jsx-equals-spacing': 'error',
  '@stylistic/jsx-tag-spacing': ['error', { beforeSelfClosing: 'always' }],
  '@stylistic/jsx-closing-bracket-location': 'error',
  '@stylistic/jsx-closing-tag-location': 'error',
  '@stylistic/jsx-curly-newline': 'error',
  '@stylistic/jsx-function-call-newline': 'error',
  '@stylistic/jsx-first-prop-new-line': 'error',
  '@stylistic/jsx-max-props-per-line': ['error', { maximum: 1, when: 'multiline' }],
  '@stylistic/jsx-self-closing-comp': 'error',
  '@stylistic/jsx-curly-brace-presence': ['error', { props: 'never', children: 'never' }],
  '@stylistic/jsx-shorthand-boolean': 'error',
  '@stylistic/jsx-shorthand-fragment': 'error',
  '@stylistic/jsx-pascal-case': 'error',
};

/** What no core file may import (DESIGN.md's layer table). */
const corePatterns = [
  { group: ['electron', 'electron/*'], message: 'The core runs in plain Node: no Electron.' },
  { group: ['**/renderer/**', 'react', 'react-*', 'zustand', 'zustand/*'], message: 'The core never imports UI code.' },
  // From any depth: `../shell/x`, `../../../shell`, `../../main`, `../../electron/preload`, `…/electron/serve`.
  { group: ['**/shell', '**/shell/**'], message: 'The core never imports the shell.' },
  { regex: '(^|/)\\.\\./(\\.\\./)*(electron/)?(main|preload|serve)(\\.[cm]?[jt]s)?$', message: 'The core never imports the shell or an entry point.' },
];

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
    // Type-aware, for the few rules that catch real bugs: each file is checked against its runtime's tsconfig (tsconfig.json's references).
    files: ['**/*.{ts,tsx,mts,cts}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // React event props (onClick={async () => …}) are typed to return void and React ignores what they return: passing an async
      // handler there is the idiom, and its errors are the handler's to catch. Everywhere else a promise where void is expected is a bug.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
    },
  },
  { plugins: { '@stylistic': stylistic }, rules: style },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { ...noNode, patterns: [...noNode.patterns, { group: ['react', 'react-*', 'zustand', 'zustand/*', '**/renderer/**'], message: 'shared/ is the contract: no UI code.' }] },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: corePatterns }] },
  },
  {
    // SQL lives in store/: services ask repositories of the Store, never a connection.
    files: ['electron/core/**/*.ts'],
    ignores: ['electron/core/store/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...corePatterns, { group: ['better-sqlite3', '**/store/database'], message: 'SQL lives in electron/core/store/: ask a repository of the Store.' }] },
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
