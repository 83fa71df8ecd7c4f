// The words an engineer reads about a case in the Temporal UI and CLI: the current-details
// panel (short, most important first, because the panel clips after a few lines) and the
// summaries of the timers the case sets. Times show UTC with the case's local time beside
// it, in the zone of the calendar the case pinned. Pure functions: no Temporal imports.
import type { CaseState, Deadline } from '../../domain/case-state';
import { nextEventOf, pending } from '../../domain/clocks';
import type { CaseView, WriteStall } from './contract';

/** "7 Dec 09:00 UTC (17:00 Asia/Shanghai)"; the local date is named only when it differs. */
export function instantIn(iso: string | number, zone: string | undefined): string {
  const at = new Date(iso);
  const utc = `${stamp(at, 'UTC')} UTC`;
  if (!zone || zone === 'UTC') return utc;
  let local: string;
  try {
    local = stamp(at, zone);
  } catch {
    return utc; // an unknown zone never breaks what the UI shows
  }
  const [utcDay, localDay] = [stamp(at, 'UTC').split(' ')[0], local.split(' ')[0]];
  return `${utc} (${utcDay === localDay ? local.split(' ')[1] : local} ${zone})`;
}

/** "2026-12-07 09:00" in the given zone. */
function stamp(at: Date, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

export interface DetailsContext {
  /** The case calendar's IANA zone, for local times. */
  zone?: string;
  /** The database refuses the case's writes. */
  stall?: WriteStall;
  /** A closed case: when its workflow ends (the feedback window closes). */
  keptUntil?: string;
}

/**
 * Current details in three short lines, most important first (the UI's panel shows about
 * three): status with who holds the case, breach, next deadline; a refused write adds one
 * before the deadline. A closed case says so on its first line, because its workflow keeps
 * running (and the UI says "Running") for the feedback window.
 */
export function caseDetailsOf(view: CaseView, ctx: DetailsContext = {}): string {
  const lines: string[] = [];
  const reason = view.closeReason ? ` (${view.closeReason})` : '';
  const holder = `level ${view.level} · ${view.unit} · ${view.assignee ?? 'unassigned'}`;
  if (view.status === 'CLOSED') {
    const until = ctx.keptUntil ? ` until ${instantIn(ctx.keptUntil, ctx.zone)}` : '';
    lines.push(`**CLOSED**${reason} — kept${until} for feedback, then the workflow completes`);
  } else {
    lines.push(`**${view.status}**${reason} · ${holder}`);
  }
  lines.push(view.slaBreached ? `⚠ **breached**: ${[...new Set(view.breaches.map((b) => b.clock))].join(', ')}` : 'no breach');
  if (ctx.stall) lines.push(stallLine(ctx.stall));
  if (view.status !== 'CLOSED') {
    lines.push(view.nextDeadline ? `next: ${view.nextDeadline.kind} due ${instantIn(view.nextDeadline.due, ctx.zone)}` : 'no running clock');
  }
  return lines.join('\n\n');
}

function stallLine(stall: WriteStall): string {
  const code = stall.code ? `, SQLSTATE ${stall.code}` : '';
  return `⚠ read model behind since ${stall.since} (${stall.attempts} refused write(s)${code}): \`npm run ops -- redrive <caseId>\``;
}

/** The summary of the alarm set for `wake`: which clock, warning or due, and when. */
export function alarmSummaryOf(state: CaseState, wake: number, zone: string | undefined): string {
  const clock = pending(state).find((d) => !d.pausedAt && nextEventOf(d) === wake);
  return clock ? `${clock.kind} ${whatHappens(clock)} at ${instantIn(wake, zone)}` : `wake at ${instantIn(wake, zone)}`;
}

function whatHappens(d: Deadline): string {
  return !d.warned && Date.parse(d.warnAt) < Date.parse(d.due) ? 'warning' : 'due';
}

/** The summary of the timer a closed case lingers on. */
export function lingerSummaryOf(until: number, keptMs: number, zone: string | undefined): string {
  return `closed — kept ${Math.round(keptMs / 86_400_000)} days for feedback, until ${instantIn(until, zone)}`;
}

/** What the `caseFile` query answers: the case at a glance, in words. */
export interface CaseFile {
  status: string;
  breached: string[];
  next: string | null;
  clocks: string[];
  holder: string;
  zone: string;
}

export function caseFileOf(view: CaseView, zone: string): CaseFile {
  return {
    status: view.closeReason ? `${view.status} (${view.closeReason})` : view.status,
    breached: [...new Set(view.breaches.map((b) => b.clock))],
    next: view.nextDeadline ? `${view.nextDeadline.kind} due ${instantIn(view.nextDeadline.due, zone)}` : null,
    clocks: view.openDeadlines.map((d) => `${d.kind} due ${instantIn(d.due, zone)}${d.pausedAt ? ' (paused: waiting on the customer)' : ''}`),
    holder: `level ${view.level} · ${view.unit} · ${view.assignee ?? 'unassigned'}`,
    zone,
  };
}
