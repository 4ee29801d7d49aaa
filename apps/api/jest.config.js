/** @type {import('jest').Config} */
export default {
  displayName: 'api',
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.int-spec.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.json' }] },
  globalSetup: '<rootDir>/test/global-setup.mjs',
  globalTeardown: '<rootDir>/test/global-teardown.mjs',
  // In CI the API suites share two cores with the browser suites: a step of under a second once took over 30 s.
  testTimeout: 90000,
  // Each suite imports the app's whole module graph again (ESM), and a process running them all in band grew past
  // 4 GB in CI: with this limit they run in a worker that is replaced once it holds more than this after a suite.
  workerIdleMemoryLimit: '1GB',
};
