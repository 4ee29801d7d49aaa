import { defineConfig } from '@playwright/test';
import os from 'node:os';
import path from 'node:path';

const port = Number(process.env.E2E_PORT ?? 3310);
const baseURL = `http://127.0.0.1:${port}`;

/** Drives the built app (api + web on one port) in Debian's Chromium; never a downloaded browser. */
export default defineConfig({
  testDir: './src',
  testMatch: '**/*.e2e.ts',
  // The browser suites run beside the API suites on two cores: a flow of three people takes about a minute there.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // A committed test.only would silently run alone: CI refuses it (the run then reports an error).
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list'], ['json', { outputFile: '../../.test-results/e2e.json' }]],
  use: {
    baseURL,
    locale: 'de-DE',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: 'node ../api/dist/main.js',
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    gracefulShutdown: { signal: 'SIGINT', timeout: 10_000 },
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'test',
      DEMO_DATA: 'true',
      LOG_LEVEL: 'warn',
      // Never the developer's own database (.data/postgres), also when Playwright is run directly.
      VERBUND_DB_DIR: process.env.E2E_DB_DIR ?? path.join(os.tmpdir(), `verbund-e2e-direct-${port}`, 'postgres'),
    },
  },
});
