// Diffs a database against prisma/schema.prisma with Prisma's WebAssembly schema engine, because the
// native migrate CLI cannot be downloaded offline (docs/adr/0002-migrations-offline.md). The wasm
// package's API is internal to Prisma: this is the only file that touches it.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';

const require = createRequire(import.meta.url);

// @prisma/adapter-pg 7.10 has no mapping for PostgreSQL's internal "char" type (OID 18), which the engine's
// catalog queries return (e.g. pg_constraint.contype) and expect as a character: within this tool such
// columns are read as text by pg and reported to the engine as characters.
const PG_CHAR = 18;
const PG_TEXT = 25;
const CHARACTER = 6;
const charColumns = new Set();
const addFields = pg.Result.prototype.addFields;
pg.Result.prototype.addFields = function addFieldsCharAsText(fields) {
  for (const f of fields) if (f.dataTypeID === PG_CHAR) charColumns.add(f.name);
  addFields.call(
    this,
    fields.map((f) => (f.dataTypeID === PG_CHAR ? { ...f, dataTypeID: PG_TEXT } : f)),
  );
};

function withCharColumns(factory) {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connectToShadowDb: () => factory.connectToShadowDb(),
    async connect() {
      const adapter = await factory.connect();
      const queryRaw = adapter.queryRaw.bind(adapter);
      adapter.queryRaw = async (query) => {
        const result = await queryRaw(query);
        result.columnTypes = result.columnTypes.map((t, i) => (charColumns.has(result.columnNames[i]) ? CHARACTER : t));
        return result;
      };
      return adapter;
    },
  };
}

let engineClass;

/** The wasm module keeps global state in its glue code: instantiate it once per process. */
function loadEngine() {
  engineClass ??= instantiateEngine();
  return engineClass;
}

async function instantiateEngine() {
  // The engine reports a Rust panic through this global before it throws.
  globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message: (message) => {
      throw new Error(`schema engine panic: ${message}`);
    },
  };
  const dir = path.dirname(require.resolve('@prisma/schema-engine-wasm'));
  const glue = await import(path.join(dir, 'schema_engine_bg.js'));
  const bytes = fs.readFileSync(path.join(dir, 'schema_engine_bg.wasm'));
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': glue });
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start?.();
  return glue.SchemaEngine;
}

/**
 * Returns the SQL that brings the database at `databaseUrl` to the state `schemaPath` describes
 * (an empty string when they agree).
 */
export async function diffDatabaseToSchema(databaseUrl, schemaPath) {
  const SchemaEngine = await loadEngine();
  const url = new URL(databaseUrl);
  const adapter = new PrismaPg({
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: url.pathname.slice(1),
  });
  const files = [{ path: schemaPath, content: fs.readFileSync(schemaPath, 'utf8') }];
  const engine = await SchemaEngine.new(
    { datamodels: files.map((f) => [f.path, f.content]) },
    () => undefined,
    bindMigrationAwareSqlAdapterFactory(withCharColumns(adapter)),
  );
  try {
    const result = await engine.diff({
      from: { tag: 'schemaDatasource', files, configDir: path.dirname(path.resolve(schemaPath)) },
      to: { tag: 'schemaDatamodel', files },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    // No output at all means the engine did not diff, not that nothing differs.
    if (typeof result.stdout !== 'string') throw new Error(`the schema engine returned no diff: ${JSON.stringify(result)}`);
    return result.stdout.replace(/^-- This is an empty migration\.\s*$/m, '').trim();
  } finally {
    engine.free();
  }
}
