// Operator commands, configured like the worker (TEMPORAL_* or a Temporal profile, and
// CASEKEEPER_ENCRYPTION_KEYS or the keys `npm start` keeps in the data folder).
import { Connection, Client } from '@temporalio/client';
import { registerSearchAttributes } from '../config/search-attributes';
import { explainStartupError } from '../config/startup-errors';
import { connectionOptionsFor, loadTemporalTarget } from '../config/temporal';
import { encryptingDataConverter } from '../codec/aes-gcm-codec';
import { parseKeyRing } from '../codec/keys';
import { caseWorkflowId, getCaseQuery, redriveWritesSignal, type CaseView } from '../workflows/case/contract';
import { CASE_SEARCH_ATTRIBUTES } from '../workflows/case/search-attributes';
import { localSecret } from './local-data';

const USAGE = `usage: npm run ops -- <command>
  search-attributes      register Casekeeper's search attributes on a cluster
  show-case <caseId>     a case's status, deadlines and last interactions
  redrive <caseId>       retry a case's writes the database refused, now
Temporal: TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TEMPORAL_API_KEY, TEMPORAL_TLS_*, TEMPORAL_PROFILE (default: localhost:7233, default).
Keys (show-case): CASEKEEPER_ENCRYPTION_KEYS, else the ones npm start keeps in .data/ (CASEKEEPER_DATA_DIR).`;

let target: ReturnType<typeof loadTemporalTarget> | undefined;
let namespace = 'default';

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
  if (command === '--help' || command === '-h' || command === 'help') return console.log(USAGE);
  if (!['search-attributes', 'redrive', 'show-case'].includes(command ?? '') || (command !== 'search-attributes' && !arg)) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  target = loadTemporalTarget(process.env);
  namespace = target.TEMPORAL_NAMESPACE;
  const connection = await Connection.connect(connectionOptionsFor(target));
  try {
    if (command === 'search-attributes') return await registerAttributes(connection);
    if (command === 'redrive' && arg) {
      // A signal carries no payload here: no keys are needed to ask a case to retry its writes.
      await new Client({ connection, namespace }).workflow.getHandle(caseWorkflowId(arg)).signal(redriveWritesSignal);
      return console.log(`case ${arg}: asked to retry its refused writes now`);
    }
    if (command === 'show-case' && arg) {
      const keys = localSecret('CASEKEEPER_ENCRYPTION_KEYS');
      if (!keys) throw new Error('CASEKEEPER_ENCRYPTION_KEYS is needed to read a case (its state is encrypted); npm start keeps local ones in .data/');
      const client = new Client({ connection, namespace, dataConverter: encryptingDataConverter(parseKeyRing(keys)) });
      return printCase(await client.workflow.getHandle(caseWorkflowId(arg)).query(getCaseQuery));
    }
  } finally {
    await connection.close();
  }
}

main().catch((err: unknown) => {
  console.error(explainStartupError(err, { TEMPORAL_ADDRESS: target?.TEMPORAL_ADDRESS }));
  process.exit(1);
});
