// Operator commands, configured like the worker (TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE,
// CASEKEEPER_ENCRYPTION_KEYS):
//   npm run ops -- search-attributes      register Casekeeper's search attributes on a cluster
//   npm run ops -- show-case <caseId>     a case's status, deadlines and last interactions
//   npm run ops -- redrive <caseId>       retry a case's writes the database refused, now
import { Connection, Client } from '@temporalio/client';
import { registerSearchAttributes } from '../config/search-attributes';
import { encryptingDataConverter } from '../codec/aes-gcm-codec';
import { parseKeyRing } from '../codec/keys';
import { caseWorkflowId, getCaseQuery, redriveWritesSignal, type CaseView } from '../workflows/case/contract';
import { CASE_SEARCH_ATTRIBUTES } from '../workflows/case/search-attributes';

const address = process.env.TEMPORAL_ADDRESS ?? 'localhost:7233';
const namespace = process.env.TEMPORAL_NAMESPACE ?? 'default';

async function registerAttributes(connection: Connection): Promise<void> {
  const added = await registerSearchAttributes(connection.operatorService, namespace);
  if (added.length === 0) console.log(`all ${CASE_SEARCH_ATTRIBUTES.length} search attributes are registered in ${namespace}`);
  else console.log(`registered in ${namespace}: ${added.join(', ')}`);
}

function printCase(v: CaseView): void {
  const line = (label: string, value: unknown): void => console.log(`${label.padEnd(14)} ${value}`);
  line('case', v.caseId);
  line('status', `${v.status}${v.closeReason ? ` (${v.closeReason})` : ''}`);
  line('customer', v.customerId);
  line('category', `${v.category} · ${v.priority} · via ${v.channel}`);
  line('level', `${v.level} · ${v.unit}`);
  line('assignee', v.assignee ?? '—');
  line('policy', `${v.policy.id} v${v.policy.version} on ${v.calendarId}`);
  line('breached', v.slaBreached ? v.breaches.map((b) => `${b.clock} (due ${b.due})`).join(', ') : 'no');
  console.log('\ndeadlines');
  for (const d of v.openDeadlines) console.log(`  ${d.kind.padEnd(22)} due ${d.due}${d.pausedAt ? ' (paused)' : ''}${d.warned ? ' (warned)' : ''}`);
  if (v.openDeadlines.length === 0) console.log('  none running');
  console.log('\nlast interactions');
  for (const i of v.recentInteractions.slice(-8)) console.log(`  #${i.seq} ${i.at} ${i.kind} by ${i.actorRole} ${i.actorId}${i.result ? ` → ${i.result}` : ''}`);
}

async function main(): Promise<void> {
  const [command, arg] = process.argv.slice(2);
  const connection = await Connection.connect({ address });
  try {
    if (command === 'search-attributes') return await registerAttributes(connection);
    if (command === 'redrive' && arg) {
      // A signal carries no payload here: no keys are needed to ask a case to retry its writes.
      await new Client({ connection, namespace }).workflow.getHandle(caseWorkflowId(arg)).signal(redriveWritesSignal);
      return console.log(`case ${arg}: asked to retry its refused writes now`);
    }
    if (command === 'show-case' && arg) {
      const keys = process.env.CASEKEEPER_ENCRYPTION_KEYS;
      if (!keys) throw new Error('CASEKEEPER_ENCRYPTION_KEYS is needed to read a case (its state is encrypted)');
      const client = new Client({ connection, namespace, dataConverter: encryptingDataConverter(parseKeyRing(keys)) });
      return printCase(await client.workflow.getHandle(caseWorkflowId(arg)).query(getCaseQuery));
    }
    console.error('usage: npm run ops -- search-attributes | show-case <caseId> | redrive <caseId>');
    process.exitCode = 2;
  } finally {
    await connection.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
