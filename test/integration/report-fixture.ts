// A scripted set of cases for the SLA report tests, written straight into the read model
// (a report over dozens of cases with breaches, appeals and grants would take minutes of
// workflow time to build through the API): each row's report facts come from its snapshot
// through the writer's own `reportFacts`; the calendar figures are checked through a real
// case in queue-list.test.ts. Deterministic: a seeded generator picks each case's figures.
import type { Db } from '../../db/client';
import { cases } from '../../db/schema';
import { reportFacts } from '../../activities/case-figures';

export interface ScriptedCase {
  caseId: string;
  customerId: string;
  category: string;
  priority: string;
  unit: string;
  assignee: string | null;
  openedAt: string;
  firstResponseMinutes: number | null;
  resolutionMinutes: number | null;
  closed: boolean;
  breaches: string[];
  escalations: { toLevel: number; trigger: string }[];
  appeal: 'UNDER_REVIEW' | 'UPHELD' | 'OVERTURNED' | null;
  compensation: { currency: string; amount: number; status: string }[];
  ratings: number[];
}

export const PERIOD = { from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' };

/** A small linear congruential generator: the same cases on every run. */
function seeded(seed: number) {
  let s = seed;
  const next = () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  return { pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!, int: (n: number) => Math.floor(next() * n), chance: (p: number) => next() < p };
}

// Agent IDs a spreadsheet would run as formulas: the CSV must defuse them.
const AGENTS = ['agent-ann', 'agent-bob', '=HYPERLINK("http://x","y")', '-1+2', null] as const;
const CLOCKS = ['FIRST_RESPONSE', 'PROGRESS_UPDATE', 'APPEAL_REVIEW', 'COMPENSATION_APPROVAL'];
const TRIGGERS = ['CLOCK', 'AGENT', 'DISPUTE', 'CATEGORY', 'LATE_APPEAL_REVIEW'];

/** Two cases before the period, one at its start, spread through it, one at its (exclusive) end, one after. */
function openedAt(i: number, count: number): string {
  const from = Date.parse(PERIOD.from);
  const to = Date.parse(PERIOD.to);
  if (i < 2) return new Date(from - (2 - i) * 3_600_000).toISOString();
  if (i >= count - 2) return new Date(to + (i - (count - 2)) * 3_600_000).toISOString();
  return new Date(from + (i - 2) * Math.floor((to - from) / (count - 4))).toISOString();
}

export function scriptedCases(count: number): ScriptedCase[] {
  const r = seeded(14);
  const all: ScriptedCase[] = [];
  for (let i = 0; i < count; i++) {
    const answered = r.chance(0.8);
    const resolved = answered && r.chance(0.6);
    const breaches = CLOCKS.filter(() => r.chance(0.2));
    all.push({
      caseId: `rep-${String(i).padStart(3, '0')}`,
      customerId: r.pick(['acme', 'globex', 'initech']),
      category: r.pick(['BILLING', 'DEFECT', 'INQUIRY']),
      priority: r.pick(['LOW', 'NORMAL', 'HIGH', 'URGENT']),
      unit: r.pick(['front-line', 'specialist', 'billing']),
      assignee: r.pick(AGENTS),
      openedAt: openedAt(i, count),
      firstResponseMinutes: answered ? r.int(240) : null,
      resolutionMinutes: resolved ? 240 + r.int(5_000) : null,
      closed: resolved && r.chance(0.5),
      breaches: r.chance(0.1) ? [...breaches, 'FIRST_RESPONSE'] : breaches, // now and then one clock twice
      escalations: Array.from({ length: r.int(3) }, (_, k) => ({ toLevel: k + 1, trigger: r.pick(TRIGGERS) })),
      appeal: resolved ? r.pick(['UNDER_REVIEW', 'UPHELD', 'OVERTURNED', null, null] as const) : null,
      compensation: Array.from({ length: r.int(3) }, () => ({
        currency: r.pick(['CNY', 'EUR']),
        amount: 100 * (1 + r.int(50)),
        status: r.pick(['GRANTED', 'PENDING_APPROVAL', 'APPROVED', 'REJECTED']),
      })),
      ratings: Array.from({ length: r.chance(0.5) ? 1 + r.int(2) : 0 }, () => 1 + r.int(5)),
    });
  }
  return all;
}

const at = (base: string, minutes: number) => new Date(Date.parse(base) + minutes * 60_000).toISOString();

export async function writeScripted(db: Db, all: ScriptedCase[]): Promise<void> {
  await db.insert(cases).values(
    all.map((c) => {
      const resolvedAt = c.resolutionMinutes === null ? null : at(c.openedAt, c.resolutionMinutes);
      const snapshot = {
        caseId: c.caseId,
        subject: `Subject of ${c.caseId}`,
        openedAt: c.openedAt,
        ...(c.firstResponseMinutes !== null ? { firstRespondedAt: at(c.openedAt, c.firstResponseMinutes) } : {}),
        breaches: c.breaches.map((clock, k) => ({ clock, deadlineId: `${clock}-${k}`, due: c.openedAt, at: c.openedAt })),
        escalations: c.escalations.map((e) => ({ fromLevel: e.toLevel - 1, toLevel: e.toLevel, unit: c.unit, reason: 'r', trigger: e.trigger, by: 'x', at: c.openedAt })),
        ...(c.appeal ? { appeal: { filedAt: c.openedAt, filedBy: 'u', grounds: 'g', status: c.appeal === 'UNDER_REVIEW' ? 'UNDER_REVIEW' : 'DECIDED', ...(c.appeal === 'UNDER_REVIEW' ? {} : { decision: c.appeal }) } } : {}),
        compensation: c.compensation.map((g, k) => ({ id: `g${k}`, reason: 'r', requestedBy: 'x', requestedAt: c.openedAt, ...g })),
        feedback: c.ratings.map((rating) => ({ rating, at: c.openedAt })),
      };
      return {
        caseId: c.caseId,
        customerId: c.customerId,
        subject: snapshot.subject,
        status: c.closed ? 'CLOSED' : resolvedAt ? 'RESOLVED' : 'IN_PROGRESS',
        priority: c.priority,
        category: c.category,
        channel: 'ONLINE',
        level: c.escalations.length,
        unit: c.unit,
        assignee: c.assignee,
        slaBreached: c.breaches.length > 0,
        openedAt: new Date(c.openedAt),
        resolvedAt: resolvedAt ? new Date(resolvedAt) : null,
        closedAt: c.closed && resolvedAt ? new Date(at(resolvedAt, 60)) : null,
        updatedAt: new Date(),
        version: 1,
        snapshot,
        firstResponseMinutes: c.firstResponseMinutes,
        resolutionMinutes: c.resolutionMinutes,
        ...reportFacts(snapshot as unknown as Parameters<typeof reportFacts>[0]),
      };
    }),
  );
}
