// Replays committed histories of representative cases against today's workflow code:
// a change that would break cases already running fails here (house style 10).
import fs from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { encryptingDataConverter } from '../../codec/aes-gcm-codec';
import { TEST_KEY_RING, workflowBundle } from '../helpers/temporal';

const dir = path.resolve(__dirname, '../replay/histories');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('replay of recorded case histories', () => {
  it('has recorded histories to replay', () => {
    expect(files.length).toBeGreaterThanOrEqual(2);
  });

  it.each(files)('when %s is replayed with the current workflow code, then it is deterministic', async (file) => {
    const history = historyFromJSON(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
    await expect(Worker.runReplayHistory({ workflowBundle: workflowBundle(), dataConverter: encryptingDataConverter(TEST_KEY_RING) }, history, `replay-${file}`)).resolves.toBeUndefined();
  });
});
