// C2.2(d) over HTTP on the dev server: the provider's authority matrix decides who may
// grant compensation and who may approve it, per role, per person and per currency; only
// admins edit it, every save is kept with who made it, and token claims do not count.
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../api/app';
import { DEFAULT_AUTH_POLICY } from '../../config/env';
import type { Actor } from '../../domain/case-types';
import { apiFor, appDeps, bearer } from '../helpers/api';
import { actViaApi, openViaApi } from '../helpers/api-case';
import { useHarness } from '../helpers/case-harness';
import { agent, agent2, backOffice, customer, manager, supervisor } from '../helpers/fixtures';
import { devServerEnv } from '../helpers/temporal';

const h = useHarness(devServerEnv);
const admin: Actor = { id: 'admin-ada', role: 'admin' };
let app: Express;
beforeAll(() => void (app = apiFor(h)));

type Limits = Record<string, Record<string, number>>;

/** Saves the matrix on top of whatever version is in force; answers the saved version. */
async function saveMatrix(roles: Limits, agents: Limits = {}) {
  const current = await request(app).get('/v1/admin/authority').set('authorization', await bearer(admin)).expect(200);
  const saved = await request(app)
    .put('/v1/admin/authority')
    .set('authorization', await bearer(admin))
    .send({ basedOnVersion: current.body.version, roles, agents });
  expect(saved.status).toBe(200);
  return saved.body as { version: number };
}

/** A case an agent has acknowledged, so compensation may be granted on it. */
async function caseInProgress(on: Express = app): Promise<string> {
  const { caseId } = await openViaApi(on, backOffice);
  expect((await actViaApi(on, agent, caseId, 'acknowledge')).status).toBe(200);
  return caseId;
}

async function grant(actor: Actor, caseId: string, amount: number, currency = 'CNY', on: Express = app) {
  const res = await actViaApi(on, actor, caseId, 'grantCompensation', { amount, currency, reason: 'Outage credit' });
  expect(res.status).toBe(200);
  return (res.body.case.compensation as { status: string }[]).at(-1)!.status;
}

const SMALL_AUTHORITY = { agent: { CNY: 1_000 }, supervisor: { CNY: 2_000 }, manager: { CNY: 100_000, USD: 10_000 } };

describe('the provider\'s authority matrix', () => {
  it('when no admin has saved one, then the built-in matrix holds the old role defaults in CNY', async () => {
    const res = await request(app).get('/v1/admin/authority').set('authorization', await bearer(admin)).expect(200);
    expect(res.body).toEqual({
      version: 0,
      roles: { agent: { CNY: 20_000 }, supervisor: { CNY: 100_000 }, manager: { CNY: 1_000_000 } },
      agents: {},
      savedBy: null,
      savedAt: null,
    });
    const caseId = await caseInProgress();
    expect(await grant(agent, caseId, 20_000)).toBe('GRANTED');
    expect(await grant(agent, caseId, 20_001)).toBe('PENDING_APPROVAL');
  });

  it('when a grant is above the agent\'s configured limit, then it waits; an approver whose configured limit does not cover it is refused and one whose limit covers it approves', async () => {
    await saveMatrix(SMALL_AUTHORITY);
    const caseId = await caseInProgress();
    expect(await grant(agent, caseId, 3_000)).toBe('PENDING_APPROVAL'); // the old default (20,000) would have granted it

    const short = await actViaApi(app, supervisor, caseId, 'decideCompensation', { grantId: 'G1', approve: true });
    expect(short.status).toBe(403); // the old default (100,000) would have covered it
    expect(short.body.detail).toMatch(/exceeds your limit of 2000 CNY/);

    const covered = await actViaApi(app, manager, caseId, 'decideCompensation', { grantId: 'G1', approve: true });
    expect(covered.status).toBe(200);
    expect(covered.body.case.compensation[0]).toMatchObject({ status: 'APPROVED', decidedBy: manager.id });
  });

  it('when a currency has no configured limit, then it is 0: the grant waits and only someone configured for that currency approves', async () => {
    await saveMatrix(SMALL_AUTHORITY);
    const caseId = await caseInProgress();
    expect(await grant(agent, caseId, 1, 'EUR')).toBe('PENDING_APPROVAL');
    expect((await actViaApi(app, manager, caseId, 'decideCompensation', { grantId: 'G1', approve: true })).status).toBe(403);
    expect(await grant(agent, caseId, 500, 'USD')).toBe('PENDING_APPROVAL');
    expect((await actViaApi(app, supervisor, caseId, 'decideCompensation', { grantId: 'G2', approve: true })).status).toBe(403);
    expect((await actViaApi(app, manager, caseId, 'decideCompensation', { grantId: 'G2', approve: true })).status).toBe(200);
  });

  it('when an agent has an override, then it beats their role in the currencies it names', async () => {
    await saveMatrix(SMALL_AUTHORITY, { [agent2.id]: { CNY: 5_000 } });
    const caseId = await caseInProgress();
    expect(await grant(agent2, caseId, 5_000)).toBe('GRANTED');
    expect(await grant(agent, caseId, 5_000)).toBe('PENDING_APPROVAL');
  });

  it('when a grant is sent to the action\'s path spelt as Express still routes it, then the matrix holds it all the same', async () => {
    await saveMatrix(SMALL_AUTHORITY);
    const caseId = await caseInProgress();
    const res = await request(app).post(`/v1/cases/${caseId}/GRANTCOMPENSATION/`).set('authorization', await bearer(agent)).send({ amount: 3_000, currency: 'CNY', reason: 'Outage credit' });
    expect(res.status).toBe(200);
    expect(res.body.case.compensation.at(-1).status).toBe('PENDING_APPROVAL');
  });

  it('when a token carries a compLimit claim, then it is ignored unless the provider trusts it', async () => {
    await saveMatrix(SMALL_AUTHORITY);
    const generous: Actor = { ...agent, compensationLimit: 1_000_000 };
    const caseId = await caseInProgress();
    expect(await grant(generous, caseId, 3_000)).toBe('PENDING_APPROVAL');

    const trusting = createApp({ ...appDeps(h), authPolicy: { ...DEFAULT_AUTH_POLICY, AUTH_COMP_LIMIT_CLAIM: 'trust' } });
    expect(await grant(generous, caseId, 3_000, 'CNY', trusting)).toBe('GRANTED');
    // Without the claim, even a trusting provider's matrix decides.
    expect(await grant(agent, caseId, 3_000, 'CNY', trusting)).toBe('PENDING_APPROVAL');
  });
});

describe('editing the matrix', () => {
  it('when an admin saves a version, then it is kept with who saved it and when; a save from a stale version is refused and changes nothing', async () => {
    const before = await request(app).get('/v1/admin/authority').set('authorization', await bearer(admin)).expect(200);
    const saved = await saveMatrix({ agent: { CNY: 7_000 } }, { [agent2.id]: { USD: 300 } });
    expect(saved.version).toBe(before.body.version + 1);

    const stale = await request(app)
      .put('/v1/admin/authority')
      .set('authorization', await bearer(admin))
      .send({ basedOnVersion: before.body.version, roles: { agent: { CNY: 9_999_999 } }, agents: {} });
    expect(stale.status).toBe(409);

    const versions = await request(app).get('/v1/admin/authority/versions?limit=100').set('authorization', await bearer(admin)).expect(200);
    expect(versions.body.items.map((v: { version: number }) => v.version)).toEqual(Array.from({ length: saved.version }, (_, i) => saved.version - i));
    expect(versions.body.items[0]).toEqual({ version: saved.version, roles: { agent: { CNY: 7_000 } }, agents: { [agent2.id]: { USD: 300 } }, savedBy: admin.id, savedAt: expect.any(String) });
    expect(Date.now() - Date.parse(versions.body.items[0].savedAt)).toBeLessThan(60_000);
    const older = await request(app).get(`/v1/admin/authority/versions?before=${saved.version}&limit=1`).set('authorization', await bearer(admin)).expect(200);
    expect(older.body.items.map((v: { version: number }) => v.version)).toEqual(saved.version > 1 ? [saved.version - 1] : []);
  });

  it('when customers or staff other than admins try to read or edit it, then they are refused with 403 and nothing changes', async () => {
    const before = await request(app).get('/v1/admin/authority').set('authorization', await bearer(admin)).expect(200);
    for (const actor of [customer, agent, supervisor, manager, backOffice]) {
      const put = await request(app)
        .put('/v1/admin/authority')
        .set('authorization', await bearer(actor))
        .send({ basedOnVersion: before.body.version, roles: { agent: { CNY: 9_999_999 } }, agents: { [actor.id]: { CNY: 9_999_999 } } });
      expect([actor.role, put.status]).toEqual([actor.role, 403]);
      const get = await request(app).get('/v1/admin/authority').set('authorization', await bearer(actor));
      expect([actor.role, get.status]).toEqual([actor.role, 403]);
    }
    const after = await request(app).get('/v1/admin/authority').set('authorization', await bearer(admin)).expect(200);
    expect(after.body).toEqual(before.body);
  });
});
