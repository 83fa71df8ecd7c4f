// The roll-out's signal window: outcomes are reported in case order (its checkpoint must
// never skip a case that is still in flight), and a failure stops new work.
import { inOrderWindow } from '../../activities/rollout-window';

/** A task per item that finishes only when the test releases it. */
function gated() {
  const release = new Map<number, () => void>();
  const started: number[] = [];
  const task = (n: number) =>
    new Promise<string>((resolve) => {
      started.push(n);
      release.set(n, () => resolve(`done ${n}`));
    });
  return { task, started, release: (n: number) => release.get(n)!() };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('the in-order signal window', () => {
  it('when later items finish first, then they are reported only once every earlier item has finished', async () => {
    const g = gated();
    const reported: number[] = [];
    const run = inOrderWindow([1, 2, 3], 3, g.task, (n) => reported.push(n));
    await tick();
    g.release(3);
    g.release(2);
    await tick();
    expect(reported).toEqual([]);
    g.release(1);
    await run;
    expect(reported).toEqual([1, 2, 3]);
  });

  it('when one item fails, then no further item is started and the failure reaches the caller', async () => {
    const started: number[] = [];
    const run = inOrderWindow([1, 2, 3, 4], 1, async (n) => {
      started.push(n);
      if (n === 2) throw new Error('server unavailable');
      return n;
    }, () => undefined);
    await expect(run).rejects.toThrow('server unavailable');
    expect(started).toEqual([1, 2]);
  });

  it('when the window is full, then the next item starts only once one in flight finishes', async () => {
    const g = gated();
    const run = inOrderWindow([1, 2, 3, 4, 5], 2, g.task, () => undefined);
    await tick();
    expect(g.started).toEqual([1, 2]);
    g.release(1);
    await tick();
    expect(g.started).toEqual([1, 2, 3]);
    for (const n of [2, 3]) g.release(n);
    await tick();
    for (const n of [4, 5]) g.release(n);
    await run;
  });
});
