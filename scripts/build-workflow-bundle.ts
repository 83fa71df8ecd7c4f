// Builds the workflow bundle ahead of the worker's start (run by provisioning, so by
// `npm start` and `npm test`; also `npm run build:workflows` for an image build). Nothing
// to do when the bundle for the current code is there already.
import path from 'node:path';
import { preparedWorkflowBundle, workflowBundleDir } from '../worker/workflow-bundle';

const dataDir = process.env.CASEKEEPER_DATA_DIR || path.resolve(__dirname, '../.data');

preparedWorkflowBundle(workflowBundleDir(dataDir)).then(
  ({ bundle, built }) => console.error(`[casekeeper]   workflow bundle ${built ? 'built' : 'is current'}${'codePath' in bundle ? `: ${path.relative(process.cwd(), bundle.codePath)}` : ' (not kept: the data folder is read-only)'}`),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
