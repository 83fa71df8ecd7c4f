// Every time a client sends that reaches SQL (list filters, report periods, contract
// effective dates, the SLA preview's opening time) is held to the years 0001–9999 in UTC:
// zod's datetime accepts year 0000 and offsets that carry 9999-12-31 into year 10000,
// which PostgreSQL refuses, so without the shared rule these answered 500.
import request from 'supertest';
import { DEFAULT_SLA_POLICY } from '../../domain/sla-policy';
import { apiFor, bearer } from '../helpers/api';
import { useHarness } from '../helpers/case-harness';
import { agent, supervisor } from '../helpers/fixtures';
import { OUT_OF_RANGE_INSTANTS } from '../helpers/hostile-values';
import { devServerEnv } from '../helpers/temporal';

const h = useHarness(devServerEnv);
const admin = { id: 'ada', role: 'admin' as const };
const terms = { calendarId: '24x7', rules: DEFAULT_SLA_POLICY.rules, escalationPath: 'Front line, then your account manager.' };

/** The status and the problem's detail, so a failure shows which value and which answer. */
const answer = (res: request.Response) => [res.status, typeof res.body?.detail === 'string'];

describe('times outside the years 0001–9999 (UTC)', () => {
  it.each(OUT_OF_RANGE_INSTANTS)('when %s is a report period\'s end or start, then the answer is a 400 problem', async (instant) => {
    const app = apiFor(h);
    const auth = await bearer(supervisor);
    // A period of a day on the side of the bound, so only the bound decides.
    const day = 86_400_000;
    const other = Date.parse(instant) < 0 ? new Date(Date.parse(instant) + day) : new Date(Date.parse(instant) - day);
    const [from, to] = Date.parse(instant) < 0 ? [instant, other.toISOString()] : [other.toISOString(), instant];
    const res = await request(app).get(`/v1/reports/sla?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&groupBy=unit`).set('authorization', auth);
    expect([instant, ...answer(res)]).toEqual([instant, 400, true]);
  });

  it.each(OUT_OF_RANGE_INSTANTS)('when %s is a contract version\'s effective date, then the answer is a 400 problem', async (instant) => {
    const app = apiFor(h);
    const auth = await bearer(admin);
    await request(app).put('/v1/admin/organisations/bounds-co').set('authorization', auth).send({ name: 'Bounds Co' });
    const res = await request(app).post('/v1/admin/organisations/bounds-co/contract-versions').set('authorization', auth).send({ ...terms, effectiveFrom: instant });
    expect([instant, ...answer(res)]).toEqual([instant, 400, true]);
  });

  it.each(OUT_OF_RANGE_INSTANTS)('when %s is the SLA preview\'s opening time or a list filter, then the answer is a 400 problem', async (instant) => {
    const app = apiFor(h);
    const auth = await bearer(agent);
    const preview = await request(app).post('/v1/sla-preview').set('authorization', auth).send({ openedAt: instant });
    expect([instant, ...answer(preview)]).toEqual([instant, 400, true]);
    for (const filter of ['dueBefore', 'openedFrom', 'openedTo']) {
      const list = await request(app).get(`/v1/cases?${filter}=${encodeURIComponent(instant)}`).set('authorization', auth);
      expect([filter, instant, ...answer(list)]).toEqual([filter, instant, 400, true]);
    }
  });
});
