/**
 * Polls `find` until it returns something other than undefined or false, for what happens after an answer
 * (a mail sent, a file removed). Fails with `what` when it does not happen within `timeoutMs`.
 */
export async function eventually<T>(
  find: () => T | undefined | false | Promise<T | undefined | false>,
  what = 'the expected state',
  timeoutMs = 3000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = await find();
    if (found !== undefined && found !== false) return found;
    if (Date.now() > until) throw new Error(`${what} was not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
