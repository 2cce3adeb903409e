// Lint holds the import rules of docs/architecture.md and catches real bugs
// (floating promises, non-exhaustive switches).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'crypto', 'os', 'http', 'https', 'child_process', 'stream', 'url', 'util', 'zlib', 'events'];
const rule = (group, message) => ({ group, message });

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'web/dist/**', 'dist/**', '**/*.js', '!eslint.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'read configuration through src/server/config.ts' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.bench.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          rule(['../../*', '!../../core/*'], 'core imports nothing from the rest of Konbit'),
          rule(nodeBuiltins, 'core is pure: no Node built-ins'),
        ],
      }],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [rule(['../*', '!../shared/*'], 'shared imports only zod and itself'), rule(nodeBuiltins, 'shared runs in the browser too')] }],
    },
  },
  {
    files: ['src/db/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [rule(['../modules/*', '../../modules/*', '../server/*', '../../server/*', '../cli/*'], 'db imports only shared')] }],
    },
  },
  {
    files: ['src/modules/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          rule(['../../server/*', '../../cli/*', '../../../server/*', '../../../cli/*'], 'modules do not import the server or the CLI (tests may use server/testing.ts)'),
          { regex: '^\\.\\./[^./][^/]*/(?!index\\.ts$).+', message: 'import another module only through its index.ts' },
        ],
      }],
    },
  },
  {
    files: ['src/modules/**/*.test.ts', 'src/modules/**/*.testing.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['web/**/*.ts', 'web/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [rule(['**/src/server/*', '**/src/db/*', '**/src/modules/*', '**/src/core/*'], 'the web app imports only src/shared')] }],
    },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts', '**/*.bench.ts', 'src/db/testing.ts'],
    // node:test's describe/test return promises that the runner itself awaits.
    rules: { 'no-restricted-properties': 'off', '@typescript-eslint/no-floating-promises': 'off' },
  },
);
