import fs from 'node:fs';

export default async function globalTeardown() {
  const handle = globalThis.__verbundTestDb;
  if (!handle) return;
  await handle.server.stop();
  fs.rmSync(handle.server.dataDir, { recursive: true, force: true });
  fs.rmSync(handle.dir, { recursive: true, force: true });
}
