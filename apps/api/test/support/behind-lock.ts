import pg from 'pg';

/**
 * Another transaction holds a row of `table` while `arrive` starts, then makes `change` to it (`$1` is the row's id)
 * and commits: what `arrive` sent waited for the lock and meets the row as changed.
 */
export async function behindLock<T>(databaseUrl: string, table: string, id: string, change: string, arrive: () => Promise<T>): Promise<T> {
  const other = new pg.Client({ connectionString: databaseUrl });
  await other.connect();
  try {
    await other.query('BEGIN');
    await other.query(`SELECT id FROM "${table}" WHERE id = $1 FOR UPDATE`, [id]);
    const late = arrive();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await other.query(change, [id]);
    await other.query('COMMIT');
    return await late;
  } finally {
    await other.end();
  }
}
