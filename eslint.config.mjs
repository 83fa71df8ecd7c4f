// Lint rules that keep the architecture honest: workflow and domain code stay
// deterministic (no Node built-ins, no environment, no database clients, activities
// only as types), and the usual TypeScript checks everywhere.
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const deterministic = {
  '@typescript-eslint/no-restricted-imports': [
    'error',
    {
      paths: [
        ...nodeBuiltins.map((name) => ({ name, message: 'Workflow and domain code must not use Node built-ins.' })),
        { name: 'postgres', message: 'Database clients belong in activities and db/.' },
        { name: '@electric-sql/pglite', message: 'Database clients belong in activities and db/.' },
        { name: '@temporalio/client', message: 'Workflows talk to the world through activities.' },
        { name: '@temporalio/worker', message: 'Workflows talk to the world through activities.' },
        { name: '@temporalio/activity', message: 'Workflows talk to the world through activities.' },
      ],
      patterns: [
        { group: ['drizzle-orm', 'drizzle-orm/*'], message: 'Database access belongs in activities and db/.' },
        { group: ['**/activities/*', '!**/activities/types'], allowTypeImports: true, message: 'Import activities as types only (proxyActivities).' },
        { group: ['**/db/*', '**/api/*', '**/config/*', '**/worker/*'], message: 'Workflow and domain code must not reach the I/O layers.' },
      ],
    },
  ],
  'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration outside workflows and pass it in.' }],
  'no-restricted-globals': ['error', { name: 'process', message: 'No process access in deterministic code.' }, { name: 'setTimeout', message: 'Use sleep/condition from @temporalio/workflow.' }],
};

export default tseslint.config(
  { ignores: ['node_modules/**', '.data/**', '.tools/**', 'db/migrations/**', 'coverage/**', 'jest.config.js'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  { files: ['workflows/**/*.ts', 'domain/**/*.ts'], rules: deterministic },
  { files: ['domain/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['@temporalio/*'], message: 'The domain layer has no Temporal imports.' }] }] } },
);
