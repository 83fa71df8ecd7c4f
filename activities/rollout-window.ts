// Runs a task per item with a fixed number in flight (a sliding window: a slow item holds
// up only its own slot) and reports, in item order, each outcome once every item before
// it has finished too, so a caller's checkpoint ("done through item k") never skips one.
export async function inOrderWindow<T, R>(
  items: readonly T[],
  inFlight: number,
  task: (item: T) => Promise<R>,
  settled: (item: T, outcome: R) => void,
): Promise<void> {
  const outcomes = new Map<number, R>();
  let next = 0;
  let reported = 0;
  let failed = false;
  const lane = async (): Promise<void> => {
    // After one task fails, the lanes take no new items: the caller retries from its checkpoint.
    while (!failed && next < items.length) {
      const i = next++;
      try {
        outcomes.set(i, await task(items[i]!));
      } catch (err) {
        failed = true;
        throw err;
      }
      for (; outcomes.has(reported); reported++) {
        settled(items[reported]!, outcomes.get(reported)!);
        outcomes.delete(reported);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, items.length) }, lane));
}
