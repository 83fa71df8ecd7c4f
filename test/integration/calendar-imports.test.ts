// Admins import a year's official holidays from an .ics file (or JSON) as a calendar's next
// version: new cases count around the imported days off; hostile files get a 4xx, never a
// 5xx; /metrics and /readyz tell how far each calendar's holiday data reaches.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import request from 'supertest';
import { createApp } from '../../api/app';
import { apiFor, appDeps, bearer } from '../helpers/api';
import { openViaApi } from '../helpers/api-case';
import { capturedLogger } from '../helpers/captured-logger';
import { eventually, useHarness } from '../helpers/case-harness';
import { agent } from '../helpers/fixtures';
import { devServerEnv } from '../helpers/temporal';

const h = useHarness(devServerEnv);
const admin = { id: 'ada', role: 'admin' as const };
const fixture = readFileSync(join(__dirname, '..', 'fixtures', 'calendars', 'cn-2026-official.ics'), 'utf8');
const nineToSix = [['09:00', '18:00']];
const everyDay = { mon: nineToSix, tue: nineToSix, wed: nineToSix, thu: nineToSix, fri: nineToSix, sat: nineToSix, sun: nineToSix };
const shanghaiDate = (offsetDays: number): string => new Date(Date.now() + offsetDays * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
const icsOf = (date: string, summary: string): string =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', 'BEGIN:VEVENT', `UID:${date}@test`, 'DTSTAMP:20260101T000000Z', `DTSTART;VALUE=DATE:${date.replaceAll('-', '')}`, `SUMMARY:${summary}`, 'END:VEVENT', 'END:VCALENDAR'].join('\r\n');

async function calendarWithPolicy(id: string, spec: Record<string, unknown>): Promise<string> {
  const app = apiFor(h);
  const auth = await bearer(admin);
  await request(app).post('/v1/calendars').set('authorization', auth).send({ id, name: id, spec: { timezone: 'Asia/Shanghai', ...spec } }).expect(201);
  const { version: _v, ...base } = (await request(app).get('/v1/sla-policies/default').set('authorization', auth).expect(200)).body;
  await request(app).post('/v1/sla-policies').set('authorization', auth).send({ ...base, id: `${id}-sla`, name: id, calendarId: id }).expect(201);
  return `${id}-sla`;
}

const importIcs = async (id: string, year: number, text: string) =>
  request(apiFor(h)).post(`/v1/admin/calendars/${id}/imports?year=${year}`).set('authorization', await bearer(admin)).set('content-type', 'text/calendar').send(text);

const escalationDue = (view: { openDeadlines: { kind: string; due: string }[] }): number => Date.parse(view.openDeadlines.find((d) => d.kind === 'ESCALATION')!.due);

describe('importing official holidays', () => {
  it('when the 2026 State Council list is imported, then it is the next version and the preview waits out the Spring Festival', async () => {
    const policy = await calendarWithPolicy('office', { weekly: { mon: nineToSix, tue: nineToSix, wed: nineToSix, thu: nineToSix, fri: nineToSix } });
    const app = apiFor(h);
    const auth = await bearer(admin);
    const preview = async () =>
      (await request(app).post('/v1/sla-preview').set('authorization', auth).send({ slaPolicyId: policy, priority: 'LOW', openedAt: '2026-02-14T16:00:00+08:00' }).expect(200)).body.firstResponse.due;
    expect(await preview()).toBe('2026-02-16T05:00:00.000Z'); // the festival counted as working days
    const res = await importIcs('office', 2026, fixture);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: 'office', version: 2, spec: { horizon: '2026-12-31' }, imported: { year: 2026, holidays: 33, extraWorkdays: 6, ignored: 0 } });
    expect(await preview()).toBe('2026-02-24T03:00:00.000Z'); // 2 h on the make-up Saturday, 2 h after the festival
  });

  it('when tomorrow is imported as a holiday, then a case opened after the import is due a day later than one opened right before', async () => {
    const policy = await calendarWithPolicy('desk', { weekly: everyDay, horizon: '2099-12-31' });
    const app = apiFor(h);
    const before = (await openViaApi(app, agent, { slaPolicyId: policy })).body as never;
    const tomorrow = shanghaiDate(1);
    expect((await importIcs('desk', Number(tomorrow.slice(0, 4)), icsOf(tomorrow, 'Public holiday'))).status).toBe(201);
    const after = (await openViaApi(app, agent, { slaPolicyId: policy })).body as never;
    // Escalation counts business days: tomorrow no longer is one.
    expect(escalationDue(after) - escalationDue(before)).toBeGreaterThanOrEqual(86_400_000);
    expect(escalationDue(after) - escalationDue(before)).toBeLessThan(86_400_000 + 60_000);
  });

  it('when the same list comes as JSON, then it is imported the same way', async () => {
    await calendarWithPolicy('json-office', { weekly: { mon: nineToSix } });
    const res = await request(apiFor(h))
      .post('/v1/admin/calendars/json-office/imports')
      .set('authorization', await bearer(admin))
      .send({ year: 2027, holidays: ['2027-02-08', '2027-02-09'], extraWorkdays: ['2027-02-06'] })
      .expect(201);
    expect(res.body).toMatchObject({ version: 2, spec: { holidays: ['2027-02-08', '2027-02-09'], extraWorkdays: ['2027-02-06'], horizon: '2027-12-31' } });
  });

  it('when the file is hostile or the caller may not import, then the answer is a 4xx problem, never a 5xx', async () => {
    await calendarWithPolicy('target', { weekly: everyDay });
    const auth = await bearer(admin);
    const post = (body: string | Buffer, type = 'text/calendar', path = '/v1/admin/calendars/target/imports?year=2026') =>
      request(apiFor(h)).post(path).set('authorization', auth).set('content-type', type).send(body);
    expect((await post('BEGIN:VCALENDAR\r\ngarbage')).status).toBe(422);
    expect((await post(icsOf('2026-03-01', 'x').replace('VALUE=DATE:20260301', ':20260301T090000Z'))).status).toBe(422);
    expect((await post(`${icsOf('2026-03-01', 'x')}\u0000`)).status).toBe(400);
    expect((await post(Buffer.from([0x42, 0x45, 0xff, 0xfe]))).status).toBe(400);
    expect((await post('x'.repeat(300 * 1024))).status).toBe(413);
    expect((await post(icsOf('2026-03-01', 'x'), 'text/calendar', '/v1/admin/calendars/target/imports')).status).toBe(400);
    expect((await post(icsOf('2026-03-01', 'x'), 'text/calendar', '/v1/admin/calendars/nowhere/imports?year=2026')).status).toBe(404);
    expect((await post(icsOf('2026-03-01', 'x'), 'text/plain')).status).toBe(415);
    expect((await post('{"year":2026,"holidays":"2026-02-01"}', 'application/json')).status).toBe(400);
    expect((await post('{"year":2026,"holidays":["2026-02-30"]}', 'application/json')).status).toBe(422);
    const staff = await request(apiFor(h)).post('/v1/admin/calendars/target/imports?year=2026').set('authorization', await bearer(agent)).set('content-type', 'text/calendar').send(icsOf('2026-03-01', 'x'));
    expect(staff.status).toBe(403);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.string(), fc.constantFrom('BEGIN:VEVENT', 'END:VEVENT', 'DTSTART;VALUE=DATE:20260301', 'DTEND;VALUE=DATE:20250101', 'RRULE:FREQ=DAILY', 'BEGIN:VCALENDAR', 'END:VCALENDAR', 'DURATION:P9999D')), { maxLength: 12 }), async (lines) => {
        const res = await post(['BEGIN:VCALENDAR', ...lines, 'END:VCALENDAR'].join('\r\n'));
        expect(res.status).toBeGreaterThanOrEqual(200);
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400) expect(res.headers['content-type']).toContain('application/problem+json');
      }),
      { numRuns: 60 },
    );
  });
});

describe('calendar horizons on /metrics and /readyz', () => {
  it('when a calendar\'s holiday data ends within 60 days, then /metrics counts the days, /readyz names it and stays 200, and the API logs it', async () => {
    await calendarWithPolicy('soon', { weekly: everyDay, horizon: shanghaiDate(10) });
    await calendarWithPolicy('later', { weekly: everyDay, horizon: shanghaiDate(400) });
    const { lines, logger } = capturedLogger('info');
    const app = createApp({ ...appDeps(h), logger });
    const metrics = (await request(app).get('/metrics').expect(200)).text;
    expect(metrics).toMatch(/^casekeeper_calendar_horizon_days\{calendar="soon",version="1"\} (10|11)$/m);
    expect(metrics).toMatch(/^casekeeper_calendar_horizon_days\{calendar="later",version="1"\} (400|401)$/m);
    const ready = await request(app).get('/readyz').expect(200);
    expect(ready.body.status).toBe('ready');
    expect(ready.body.calendarHorizons).toContainEqual({ calendarId: 'soon', version: 1, coveredThrough: shanghaiDate(10), daysLeft: expect.any(Number) });
    expect(ready.body.calendarHorizons.map((c: { calendarId: string }) => c.calendarId)).not.toContain('later');
    const warned = await eventually(async () => lines.filter((l) => l.calendarId === 'soon'), (l) => l.length > 0);
    expect(warned[0]).toMatchObject({ level: 40, coveredThrough: shanghaiDate(10) });
  });
});
