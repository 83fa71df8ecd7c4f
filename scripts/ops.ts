// Operator commands, configured like the worker (TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE,
// CASEKEEPER_ENCRYPTION_KEYS):
//   npm run ops -- search-attributes      register Casekeeper's search attributes on a cluster
//   npm run ops -- show-case <caseId>     a case's status, deadlines and last interactions
import { Connection, Client } from '@temporalio/client';
import { encodeSearchAttributeIndexedValueType } from '@temporalio/common/lib/search-attributes';
import { encryptingDataConverter } from '../codec/aes-gcm-codec';
import { parseKeyRing } from '../codec/keys';
import { caseWorkflowId, getCaseQuery, type CaseView } from '../workflows/case/contract';
import { CASE_SEARCH_ATTRIBUTES } from '../workflows/case/search-attributes';

const address = process.env.TEMPORAL_ADDRESS ?? 'localhost:7233';
const namespace = process.env.TEMPORAL_NAMESPACE ?? 'default';

async function registerSearchAttributes(connection: Connection): Promise<void> {
  const existing = await connection.operatorService.listSearchAttributes({ namespace });
  const missing = CASE_SEARCH_ATTRIBUTES.filter((k) => !(k.name in (existing.customAttributes ?? {})));
  if (missing.length === 0) {
    console.log(`all ${CASE_SEARCH_ATTRIBUTES.length} search attributes are registered in ${namespace}`);
    return;
  }
  await connection.operatorService.addSearchAttributes({
    namespace,
    searchAttributes: Object.fromEntries(missing.map((k) => [k.name, encodeSearchAttributeIndexedValueType(k.type)!])),
  });
  console.log(`registered in ${namespace}: ${missing.map((k) => `${k.name} (${k.type})`).join(', ')}`);
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
    if (command === 'search-attributes') return await registerSearchAttributes(connection);
    if (command === 'show-case' && arg) {
      const keys = process.env.CASEKEEPER_ENCRYPTION_KEYS;
      if (!keys) throw new Error('CASEKEEPER_ENCRYPTION_KEYS is needed to read a case (its state is encrypted)');
      const client = new Client({ connection, namespace, dataConverter: encryptingDataConverter(parseKeyRing(keys)) });
      return printCase(await client.workflow.getHandle(caseWorkflowId(arg)).query(getCaseQuery));
    }
    console.error('usage: npm run ops -- search-attributes | show-case <caseId>');
    process.exitCode = 2;
  } finally {
    await connection.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
