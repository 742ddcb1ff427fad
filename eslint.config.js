import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import pluginQuery from '@tanstack/eslint-plugin-query';
import globals from 'globals';

// Layering (docs/ARCHITECTURE.md): startup (the entries' wiring) and pages → hooks → api and lib;
// components render only.
const upward = (names) =>
  names.map((name) => ({
    group: [`**/${name}/*`, `**/${name}`],
    message: `This layer must not import from src/${name} (data flows pages → hooks → api).`,
  }));

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'test-results',
      'playwright-report',
      '.data',
      '.tmp',
      'src/api/schema.gen.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, '@tanstack/query': pluginQuery },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...pluginQuery.configs.recommended.rules,
      'no-restricted-globals': ['error', { name: 'fetch', message: 'Only src/api talks HTTP.' }],
      'react/no-danger': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Never render API strings as HTML; use <Highlight> for snippets.',
        },
      ],
    },
  },
  {
    files: ['src/api/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': 'off',
      'no-restricted-imports': [
        'error',
        { patterns: upward(['hooks', 'startup', 'pages', 'components']) },
      ],
    },
  },
  {
    // src/lib is below src/hooks: pure logic and browser infrastructure that reads no hook.
    files: ['src/lib/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: upward(['hooks', 'startup', 'pages', 'components']) },
      ],
    },
  },
  {
    files: ['src/hooks/**/*.{ts,tsx}'],
    ignores: ['src/hooks/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: upward(['startup', 'pages', 'components']) }],
    },
  },
  {
    files: ['src/hooks/**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: upward(['pages', 'components']) }] },
  },
  {
    // Components render what they are given: no cache, no API (types: src/lib/shared/apiTypes.ts),
    // no hook that reads data. They may call only the UI hooks allowed below, which hold no server
    // data: values known after hydration, the document title, the leave-page guard, the list's
    // selection and the toasts. Types from any hook module stay importable (import type).
    files: ['src/components/**/*.{ts,tsx}'],
    ignores: ['src/components/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@tanstack/react-query',
              message: 'Components render what they are given: read data in a hook (src/hooks).',
            },
          ],
          patterns: [
            ...upward(['pages', 'startup']),
            {
              group: ['**/api/*', '**/api'],
              message:
                'Components do not call the API: a page passes data and callbacks (types: src/lib/shared/apiTypes.ts).',
            },
            {
              group: [
                // Files, not folders: a folder left out could not have a file let back in.
                '**/hooks/**/use*',
                '**/hooks/queries/**',
                '!**/hooks/shell/useAfterHydration.ts',
                '!**/hooks/shell/useDocumentTitle.ts',
                '!**/hooks/shell/useNavigationBlocker.ts',
                '!**/hooks/organizations/useOrganizationSelection.ts',
                '!**/hooks/shell/useToasts.ts',
              ],
              allowTypeImports: true,
              message:
                'Components do not read data: the page calls the hook and passes data and callbacks down (docs/ARCHITECTURE.md).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/components/**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: upward(['pages']) }] },
  },
);
