// One durable timer for "wake me by then". Each action may move the next deadline; a new
// timer per action would be a billable action each. An alarm already set to ring earlier
// is kept: waking early, finding nothing due and setting the alarm again costs less.
import { sleep } from '@temporalio/workflow';

export class Alarm {
  private ringsAt?: number;
  private generation = 0;
  private rang = false;

  /**
   * Makes sure the alarm rings no later than `at` (epoch ms, workflow time). The summary
   * names the timer in the UI's timeline; it is metadata, not part of what replay checks.
   */
  ringBy(at: number, summary: string): void {
    if (this.ringsAt !== undefined && this.ringsAt <= at) return;
    const mine = ++this.generation;
    this.ringsAt = at;
    sleep(Math.max(1, at - Date.now()), { summary }).then(
      () => {
        if (mine !== this.generation) return; // superseded by an earlier alarm
        this.ringsAt = undefined;
        this.rang = true;
      },
      () => undefined, // cancelled with the workflow: nothing left to wake
    );
  }

  hasRung(): boolean {
    return this.rang;
  }

  /** True once per ring. */
  take(): boolean {
    const rang = this.rang;
    this.rang = false;
    return rang;
  }
}
