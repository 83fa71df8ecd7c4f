// The input of the critical CasekeeperReadModelStalled alert: /metrics counts, in Temporal
// visibility, the cases whose writes the database refuses (ReadModelStalled = true).
import { sql } from 'drizzle-orm';
import request from 'supertest';
import { apiFor } from '../helpers/api';
import { eventually, startCase, useHarness } from '../helpers/case-harness';
import { devServerEnv } from '../helpers/temporal';

const h = useHarness(devServerEnv);

async function refuseWritesOf(customerId: string): Promise<void> {
  await h.db.db.execute(sql.raw(`
    CREATE FUNCTION refuse_case_write() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.customer_id = '${customerId}' THEN RAISE EXCEPTION 'refused'; END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER refuse_case_write BEFORE INSERT OR UPDATE ON cases FOR EACH ROW EXECUTE FUNCTION refuse_case_write();`));
}

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
