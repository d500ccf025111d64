/**
 * Retries `probe` until it passes — resolves to anything but `false` — or the time is up; then
 * fails with the probe's last error, or one naming `what`. Events and consumers take a moment.
 */
export async function eventually(
  what: string,
  probe: () => Promise<boolean | void>,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let failure: unknown;
    try {
      if ((await probe()) !== false) return;
    } catch (error) {
      failure = error;
    }
    if (Date.now() > deadline) {
      throw failure instanceof Error ? failure : new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
