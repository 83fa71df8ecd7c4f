// The input of the critical CasekeeperReadModelStalled alert: /metrics counts, in Temporal
// visibility, the cases whose writes the database refuses (ReadModelStalled = true).
import request from 'supertest';
import { apiFor } from '../helpers/api';
import { eventually, startCase, useHarness } from '../helpers/case-harness';
import { devServerEnv } from '../helpers/temporal';
import { refuseCaseWritesOf } from '../helpers/refused-writes';

const h = useHarness(devServerEnv);

const refuseWritesOf = (customerId: string): Promise<void> => refuseCaseWritesOf(h.db.db, customerId);

describe('stalled cases in /metrics', () => {
  it('when the database refuses one case\'s writes, then /metrics counts one stalled case where it counted none', async () => {
    const app = apiFor(h);
    const scrape = async (): Promise<string> => (await request(app).get('/metrics').expect(200)).text;
    expect(await scrape()).toMatch(/^casekeeper_read_model_stalled_cases 0$/m);

    await refuseWritesOf('refused-co');
    await startCase(h, { customerId: 'refused-co' });
    await eventually(scrape, (t) => /^casekeeper_read_model_stalled_cases 1$/m.test(t), 30_000);
  });
});
