// A service contract's terms, which version is in force when, and what a customer is
// shown of them (issue 12, C4.2).
import { twentyFourSevenCalendarSpec } from '../../domain/calendar-presets';
import { serviceStandards } from '../../domain/contract-standards';
import { contractPolicy, contractPolicyId, organisationOfPolicy, validateContractTerms, versionInForce, type ContractTerms } from '../../domain/contract-terms';
import { DEFAULT_SLA_POLICY, resolveSlaRule } from '../../domain/sla-policy';

const terms = (firstResponseMinutes = 30): ContractTerms => ({
  calendarId: '24x7',
  rules: { ...DEFAULT_SLA_POLICY.rules, NORMAL: { ...DEFAULT_SLA_POLICY.rules.NORMAL, firstResponseMinutes } },
  categoryOverrides: { BILLING: { NORMAL: { firstResponseMinutes: 10 } } },
  escalationPath: 'Front line, then your account manager, then our CEO.',
});
const at = (iso: string) => new Date(iso);

describe('the contract version in force', () => {
  const versions = [
    { version: 1, effectiveFrom: at('2026-01-01T00:00:00Z') },
    { version: 2, effectiveFrom: at('2026-07-01T00:00:00Z') },
    { version: 3, effectiveFrom: at('2026-07-01T00:00:00Z') },
  ];

  it('when a case opens before the first version takes effect, then no version is in force', () => {
    expect(versionInForce(versions, at('2025-12-31T23:59:59Z'))).toBeUndefined();
  });

  it('when a case opens between two effective dates, then the earlier version is in force, from its very instant', () => {
    expect(versionInForce(versions, at('2026-01-01T00:00:00Z'))?.version).toBe(1);
    expect(versionInForce(versions, at('2026-06-30T23:59:59Z'))?.version).toBe(1);
  });

  it('when two versions take effect at the same instant, then the later-numbered one is in force', () => {
    expect(versionInForce(versions, at('2026-07-01T00:00:00Z'))?.version).toBe(3);
    expect(versionInForce([...versions].reverse(), at('2027-01-01T00:00:00Z'))?.version).toBe(3);
  });
});

describe('contract terms', () => {
  it('when terms are valid, then the contract becomes a policy its cases pin, named after the organisation and version', () => {
    const policy = contractPolicy({ organisationId: 'acme', version: 4, terms: terms(25) });
    expect(policy).toMatchObject({ id: 'contract:acme', version: 4, calendarId: '24x7' });
    expect(resolveSlaRule(policy, 'NORMAL').firstResponseMinutes).toBe(25);
    expect(resolveSlaRule(policy, 'NORMAL', 'BILLING').firstResponseMinutes).toBe(10);
    expect(organisationOfPolicy(contractPolicyId('acme:eu'))).toBe('acme:eu');
    expect(organisationOfPolicy('default')).toBeUndefined();
  });

  it('when the escalation path is missing or a rule is broken, then validation names the field', () => {
    expect(() => validateContractTerms({ ...terms(), escalationPath: '  ' })).toThrow(/escalationPath/);
    const badLadder = { ...terms(), rules: { ...terms().rules, HIGH: { ...terms().rules.HIGH, escalationLadder: [{ toLevel: 2, afterBusinessDays: 1, unit: 'x' }] } } };
    expect(() => validateContractTerms(badLadder)).toThrow(/rules\.HIGH\.escalationLadder\[0\]\.toLevel/);
    expect(validateContractTerms({ ...terms(), extra: 1 })).not.toHaveProperty('extra');
  });
});

describe('service standards (C4.2)', () => {
  it('when a customer reads its standards, then it sees hours, per-priority times, category exceptions and the path, and nothing internal', () => {
    const policy = contractPolicy({ organisationId: 'acme', version: 1, terms: terms(20) });
    const s = serviceStandards(policy, twentyFourSevenCalendarSpec('UTC'), 'Front line, then your account manager.');
    expect(s.serviceHours).toMatchObject({ calendarId: '24x7', timezone: 'UTC' });
    expect(s.responseTimes.map((r) => r.priority)).toEqual(['LOW', 'NORMAL', 'HIGH', 'URGENT']);
    expect(s.responseTimes[1]).toMatchObject({ firstResponseMinutes: 20, appealWindow: { days: 15, kind: 'calendar' } });
    expect(s.responseTimes[1]).not.toHaveProperty('warningFraction');
    expect(s.responseTimes[1]).not.toHaveProperty('compensationApprovalBusinessDays');
    expect(s.categoryExceptions).toEqual([{ category: 'BILLING', priority: 'NORMAL', firstResponseMinutes: 10 }]);
    expect(s.escalationPath).toBe('Front line, then your account manager.');
  });
});
