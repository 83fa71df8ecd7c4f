// Where provisioning put the servers the tests use (scripts/provision.sh --test).
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const TEMPORAL_CLI = path.join(ROOT, '.tools/bin/temporal');
export const TEST_SERVER = path.join(ROOT, '.tools/test-server/test-server');
// Overridable so two jest runs side by side (a developer's and a bench's) never read each other's half-written bundle.
export const WORKFLOW_BUNDLE = process.env.CASEKEEPER_TEST_BUNDLE ?? path.join(ROOT, '.data/test/workflow-bundle.js');
