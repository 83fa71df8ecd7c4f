// A deadline computed past the last date its calendar's holiday data covers is provisional:
// the case view (staff and customer), the case list and the webhook notice all say so.
import request from 'supertest';
import { apiFor, bearer } from '../helpers/api';
import { openViaApi } from '../helpers/api-case';
import { eventually, useHarness } from '../helpers/case-harness';
import { agent, customer } from '../helpers/fixtures';
import { devServerEnv } from '../helpers/temporal';
import { startWebhookReceiver, TEST_WEBHOOK_SECRET, type WebhookReceiver } from '../helpers/webhook-receiver';

let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver(TEST_WEBHOOK_SECRET);
});
afterAll(() => receiver?.close());
const h = useHarness(devServerEnv, () => ({ webhook: { url: receiver.url, secret: TEST_WEBHOOK_SECRET } }));

const admin = { id: 'ada', role: 'admin' as const };
const allDay = [['00:00', '24:00']];
const shanghaiDate = (offsetDays: number): string => new Date(Date.now() + offsetDays * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);

/** A 24x7 calendar covered through `horizon`, and an SLA policy on it; returns the policy ID. */
async function policyOnCalendar(id: string, horizon: string): Promise<string> {
  const app = apiFor(h);
  const auth = await bearer(admin);
  const weekly = { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay };
  await request(app).post('/v1/calendars').set('authorization', auth).send({ id, name: id, spec: { timezone: 'Asia/Shanghai', weekly, horizon } }).expect(201);
  const { version: _v, ...base } = (await request(app).get('/v1/sla-policies/default').set('authorization', auth).expect(200)).body;
  await request(app).post('/v1/sla-policies').set('authorization', auth).send({ ...base, id: `${id}-sla`, name: id, calendarId: id }).expect(201);
  return `${id}-sla`;
}

const openedNotice = (caseId: string) =>
  eventually(async () => receiver.received.find((r) => r.caseId === caseId && r.type === 'case.opened'), (n) => n !== undefined, 20_000);

describe('deadlines past the calendar horizon', () => {
  it('when a case opens on a calendar whose holiday data ended yesterday, then every answer and its notice mark its deadlines provisional', async () => {
    const app = apiFor(h);
    const yesterday = shanghaiDate(-1);
    const opened = await openViaApi(app, agent, { slaPolicyId: await policyOnCalendar('ended', yesterday) });
    expect(opened.body).toMatchObject({ calendarHorizon: yesterday, nextDeadline: { provisional: true }, customerDeadlines: { provisional: true } });

    const staff = (await request(app).get(`/v1/cases/${opened.caseId}`).set('authorization', await bearer(agent)).expect(200)).body;
    expect(staff.calendarHorizon).toBe(yesterday);
    expect(staff.openDeadlines.length).toBeGreaterThan(0);
    expect(staff.openDeadlines.every((d: { provisional?: boolean }) => d.provisional === true)).toBe(true);
    expect(staff.nextDeadline.provisional).toBe(true);

    const mine = (await request(app).get(`/v1/cases/${opened.caseId}`).set('authorization', await bearer(customer)).expect(200)).body;
    expect(mine).toMatchObject({ calendarHorizon: yesterday, nextDeadline: { provisional: true }, customerDeadlines: { provisional: true } });
    expect(mine.openDeadlines.every((d: { provisional?: boolean }) => d.provisional === true)).toBe(true);

    for (const who of [agent, customer]) {
      const list = (await request(app).get('/v1/cases?customerId=acme&limit=100').set('authorization', await bearer(who)).expect(200)).body;
      expect(list.items.find((i: { caseId: string }) => i.caseId === opened.caseId)).toMatchObject({ nextDeadlineProvisional: true });
    }

    const notice = await openedNotice(opened.caseId);
    expect(notice?.verified).toBe(true);
    expect(notice?.data).toMatchObject({ provisional: true, calendarHorizon: yesterday, data: { firstResponseDue: staff.customerDeadlines.firstResponseDue } });
  });

  it('when a case opens on a calendar covered for years ahead, then nothing is marked provisional', async () => {
    const app = apiFor(h);
    const opened = await openViaApi(app, agent, { slaPolicyId: await policyOnCalendar('covered', '2099-12-31') });
    const staff = (await request(app).get(`/v1/cases/${opened.caseId}`).set('authorization', await bearer(agent)).expect(200)).body;
    expect(staff.calendarHorizon).toBe('2099-12-31');
    expect(JSON.stringify(staff)).not.toContain('provisional');
    const list = (await request(app).get('/v1/cases?customerId=acme&limit=100').set('authorization', await bearer(agent)).expect(200)).body;
    expect(list.items.find((i: { caseId: string }) => i.caseId === opened.caseId)).not.toHaveProperty('nextDeadlineProvisional');
    const notice = await openedNotice(opened.caseId);
    expect(notice?.data).not.toHaveProperty('provisional');
  });
});
