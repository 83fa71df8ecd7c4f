// The read model, the interaction log, the webhook outbox and the reference data
// (calendars, SLA policies). Written by activities and admin endpoints; read by the API.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** One row per case: the workflow's latest snapshot, versioned by the snapshot's revision. */
export const cases = pgTable(
  'cases',
  {
    caseId: text('case_id').primaryKey(),
    customerId: text('customer_id').notNull(),
    status: text('status').notNull(),
    closeReason: text('close_reason'),
    priority: text('priority').notNull(),
    category: text('category').notNull(),
    channel: text('channel').notNull(),
    level: integer('level').notNull(),
    unit: text('unit').notNull(),
    assignee: text('assignee'),
    slaBreached: boolean('sla_breached').notNull(),
    nextDeadlineAt: ts('next_deadline_at'),
    nextDeadlineKind: text('next_deadline_kind'),
    openedAt: ts('opened_at').notNull(),
    resolvedAt: ts('resolved_at'),
    closedAt: ts('closed_at'),
    updatedAt: ts('updated_at').notNull(),
    /** The snapshot's `revision` (one more per write the workflow sends): writes only move forward. */
    version: integer('version').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    // --- Queues and the SLA report (issue 14): filled by the writer from the snapshot.
    /** What the customer wrote as the case's title (theirs: customers see their own only). */
    subject: text('subject'),
    /** The next deadline's warning has gone off (its clock passed the policy's warning fraction). */
    nextDeadlineWarned: boolean('next_deadline_warned').notNull().default(false),
    /** Queue order, at risk first: 0 the next deadline has warned, 1 running, 2 no running clock (a past breach does not rank). */
    deadlineRank: smallint('deadline_rank')
      .notNull()
      .generatedAlwaysAs(
        sql`case when next_deadline_at is null then 2 when next_deadline_warned then 0 else 1 end`,
      ),
    /** Business minutes from opening to the first staff answer, on the case's calendar. */
    firstResponseMinutes: integer('first_response_minutes'),
    /** Business minutes from opening to the (latest) resolution, on the case's calendar. */
    resolutionMinutes: integer('resolution_minutes'),
    /** The snapshot's facts the SLA report counts, kept small so a report never parses snapshots. */
    firstRespondedAt: ts('first_responded_at'),
    firstResponseBreached: boolean('first_response_breached').notNull().default(false),
    /** UNDER_REVIEW, UPHELD or OVERTURNED; null when no appeal was filed. */
    appealOutcome: text('appeal_outcome'),
    /** `[what, name, amount?]` per breach, escalation (level and trigger), rating and grant: see activities/case-figures.ts. */
    reportTallies: jsonb('report_tallies').notNull().default(sql`'[]'::jsonb`),
  },
  (t) => [
    index('cases_customer_opened_idx').on(t.customerId, t.openedAt, t.caseId),
    index('cases_status_opened_idx').on(t.status, t.openedAt, t.caseId),
    index('cases_opened_idx').on(t.openedAt, t.caseId),
    // Queues (sort=nextDeadline): whole team, one agent's or the unassigned, one unit's.
    index('cases_queue_idx').on(t.deadlineRank, t.nextDeadlineAt, t.caseId),
    index('cases_assignee_queue_idx').on(t.assignee, t.deadlineRank, t.nextDeadlineAt, t.caseId),
    index('cases_unit_queue_idx').on(t.unit, t.deadlineRank, t.nextDeadlineAt, t.caseId),
  ],
);

/** C2.1(f): every interaction, exactly once and in order (case ID + sequence). */
export const interactions = pgTable(
  'interactions',
  {
    caseId: text('case_id').notNull(),
    seq: integer('seq').notNull(),
    at: ts('at').notNull(),
    actorId: text('actor_id').notNull(),
    actorRole: text('actor_role').notNull(),
    channel: text('channel').notNull(),
    kind: text('kind').notNull(),
    content: text('content'),
    measures: text('measures'),
    result: text('result'),
    visibleToCustomer: boolean('visible_to_customer').notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.seq] })],
);

/** Notices waiting for (or done with) webhook delivery. */
export const outbox = pgTable(
  'outbox',
  {
    eventId: text('event_id').primaryKey(),
    caseId: text('case_id').notNull(),
    /** Order of the case's notices; delivery follows it. */
    eventSeq: integer('event_seq').notNull(),
    type: text('type').notNull(),
    payload: jsonb('payload').notNull(),
    createdAt: ts('created_at').notNull().default(sql`now()`),
    state: text('state').notNull().default('PENDING'), // PENDING | DELIVERED | SKIPPED | FAILED
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    deliveredAt: ts('delivered_at'),
    /** When an undelivered notice is tried again (capped back-off), also after its case has closed. */
    nextAttemptAt: ts('next_attempt_at'),
  },
  (t) => [index('outbox_case_state_idx').on(t.caseId, t.state), index('outbox_redrive_idx').on(t.state, t.nextAttemptAt)],
);

/** Business calendars by ID (C3.1), versioned like policies. */
export const calendars = pgTable(
  'calendars',
  {
    id: text('id').notNull(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    spec: jsonb('spec').notNull(),
    createdAt: ts('created_at').notNull().default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.id, t.version] })],
);

/** SLA policies by ID and version; a case pins the version it opened under. */
export const slaPolicies = pgTable(
  'sla_policies',
  {
    id: text('id').notNull(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    policy: jsonb('policy').notNull(),
    createdAt: ts('created_at').notNull().default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.id, t.version] })],
);

/** Requests already answered, by client and Idempotency-Key. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    principal: text('principal').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    status: integer('status').notNull(),
    response: jsonb('response'),
    createdAt: ts('created_at').notNull().default(sql`now()`),
    /** While a request holds its key, until when; a holder that died loses it then. */
    lockedUntil: ts('locked_until'),
  },
  (t) => [primaryKey({ columns: [t.principal, t.key] }), index('idempotency_keys_created_idx').on(t.createdAt)],
);

/** C2.2(a): a customer organisation's registered account, kept current by the back office. */
export const customerAccounts = pgTable('customer_accounts', {
  customerId: text('customer_id').primaryKey(),
  name: text('name').notNull(),
  /** User names, contacts, plan: personal data, shown only through audited look-ups. */
  details: jsonb('details').notNull(),
  updatedAt: ts('updated_at').notNull().default(sql`now()`),
});

/** C2.2(a): every customer-account look-up by an agent. */
export const accountLookups = pgTable('account_lookups', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  at: ts('at').notNull().default(sql`now()`),
  actorId: text('actor_id').notNull(),
  caseId: text('case_id').notNull(),
  customerId: text('customer_id').notNull(),
  purpose: text('purpose').notNull(),
});

// ---------------------------------------------------------------------------
// Customer organisations and their service contracts (issue 12). Kept apart from
// customer_accounts, which holds personal data: nothing here names a person.

/** A customer organisation; its ID is the `customerId` its cases and tokens carry. */
export const organisations = pgTable('organisations', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: ts('created_at').notNull().default(sql`now()`),
  updatedAt: ts('updated_at').notNull().default(sql`now()`),
});

/** A service contract's versions: each holds its terms and the instant it takes effect. */
export const contractVersions = pgTable(
  'contract_versions',
  {
    organisationId: text('organisation_id').notNull().references(() => organisations.id),
    version: integer('version').notNull(),
    effectiveFrom: ts('effective_from').notNull(),
    /** ContractTerms (domain/contract-terms.ts): calendar, rules by priority, escalation path. */
    terms: jsonb('terms').notNull(),
    createdAt: ts('created_at').notNull().default(sql`now()`),
  },
  // Read whole per organisation (a handful of versions), by the primary key's prefix.
  (t) => [primaryKey({ columns: [t.organisationId, t.version] })],
);

/** Who changed an organisation or its contract, what, and when (IDs and field names only). */
export const organisationAudit = pgTable(
  'organisation_audit',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: ts('at').notNull().default(sql`now()`),
    actorId: text('actor_id').notNull(),
    organisationId: text('organisation_id').notNull(),
    action: text('action').notNull(),
    /** e.g. the contract version and its effectiveFrom, or the fields renamed; never message text. */
    detail: jsonb('detail').notNull(),
  },
  (t) => [index('organisation_audit_org_idx').on(t.organisationId, t.id)],
);

// ---------------------------------------------------------------------------
// The provider's authority matrix (issue 12, C2.2(d)): compensation limits per role and
// per person, per currency. Append-only: each save is a new version, so the rows are also
// the audit of who changed the matrix and when. No row yet → the built-in version 0
// (DEFAULT_AUTHORITY_MATRIX in domain/authority-matrix.ts).

/** One saved version of the whole matrix; the newest is in force. */
export const authorityMatrixVersions = pgTable('authority_matrix_versions', {
  version: integer('version').primaryKey(),
  /** Role → currency → limit in minor units. */
  roles: jsonb('roles').notNull(),
  /** Actor ID (staff) → currency → limit in minor units. */
  agents: jsonb('agents').notNull(),
  /** The admin who saved it (a staff ID, never a customer's). */
  savedBy: text('saved_by').notNull(),
  savedAt: ts('saved_at').notNull().default(sql`now()`),
});

// ---------------------------------------------------------------------------
// API rate limits shared by every API replica (issue 15): one token bucket per
// principal, taken from with one atomic upsert per request (api/rate-limit-postgres.ts).

/** A principal's bucket; the key is a hash of role and subject, so no identity is stored here. */
export const rateLimitBuckets = pgTable(
  'rate_limit_buckets',
  {
    key: text('key').primaryKey(),
    /** Tokens left at `refilledAt` (fractional: the bucket refills continuously). */
    tokens: doublePrecision('tokens').notNull(),
    refilledAt: ts('refilled_at').notNull(),
  },
  // Rows idle longer than a refill are full buckets: pruned oldest first.
  (t) => [index('rate_limit_buckets_refilled_idx').on(t.refilledAt)],
);
