// Three suites, one config. Unit tests are pure and fast; workflow tests use the
// time-skipping server; integration tests use the dev server and PostgreSQL.
// Temporal suites run in band (one native runtime per file, two cores).
const transform = { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] };
const base = { testEnvironment: 'node', transform, moduleFileExtensions: ['ts', 'js', 'json'] };
// Temporal suites start servers and cross long stretches of skipped time.
const slow = { testTimeout: 120000 };

module.exports = {
  testTimeout: 120000,
  globalSetup: '<rootDir>/test/helpers/global-setup.ts',
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    { ...base, displayName: 'workflow', testMatch: ['<rootDir>/test/workflow/**/*.test.ts'], ...slow },
    { ...base, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.test.ts'], ...slow },
    // The production server on PostgreSQL, API and worker replicas, rolling deploys (test/helpers/temporal-cluster.ts).
    { ...base, displayName: 'cluster', testMatch: ['<rootDir>/test/cluster/**/*.test.ts'], ...slow },
  ],
};
