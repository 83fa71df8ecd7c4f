// Moves open cases onto the newest version of their SLA policy or calendar. Cases pin
// the version they opened under, so this happens only when an admin asks for it; each
// case gets a `policyChanged` signal and recomputes its pending deadlines from it.
import type { Client } from '@temporalio/client';
import { and, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { cases } from '../../db/schema';
import type { Category, Priority } from '../../domain/case-types';
import { caseWorkflowId, policyChangedSignal } from '../../workflows/case/contract';
import { pinSla } from './sla-lookup';

export async function rollOut(db: Db, client: Client, target: { policyId: string } | { calendarId: string }) {
  const match =
    'policyId' in target
      ? sql`${cases.snapshot} -> 'policy' ->> 'id' = ${target.policyId}`
      : sql`${cases.snapshot} ->> 'calendarId' = ${target.calendarId}`;
  const open = await db
    .select({ caseId: cases.caseId, priority: cases.priority, category: cases.category, policyId: sql<string>`${cases.snapshot} -> 'policy' ->> 'id'` })
    .from(cases)
    .where(and(ne(cases.status, 'CLOSED'), match));
  let signalled = 0;
  for (const c of open) {
    const sla = await pinSla(db, c.policyId, c.priority as Priority, c.category as Category);
    try {
      await client.workflow.getHandle(caseWorkflowId(c.caseId)).signal(policyChangedSignal, sla);
      signalled++;
    } catch {
      // The case ended since the read model saw it open: nothing to move.
    }
  }
  return { signalled };
}
