// The vocabulary of a case. Names of statuses, categories and close reasons are part
// of the public interface (API, webhooks, search attributes): change them only with care.

export const CASE_STATUSES = [
  'OPEN', // awaiting first response
  'IN_PROGRESS',
  'WAITING_ON_CUSTOMER',
  'ESCALATED', // being handled above front line
  'RESOLVED', // result delivered, appeal window open
  'APPEALED', // formal appeal under review
  'CLOSED', // terminal
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CLOSE_REASONS = [
  'ACCEPTED',
  'APPEAL_WINDOW_EXPIRED',
  'APPEAL_DECIDED',
  'WITHDRAWN',
  'CUSTOMER_UNRESPONSIVE',
] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

// C1.1: what a case is about, chosen at intake.
export const CATEGORIES = [
  'INQUIRY',
  'ACCOUNT',
  'BILLING',
  'CONTRACT',
  'USAGE_GUIDANCE',
  'DEFECT',
  'SERVICE_LEVEL',
  'STAFF_COMPLAINT',
  'SERVICE_REQUEST',
  // C1.4: these must reach a specialist unit after front line's preliminary look.
  'SECURITY_VULNERABILITY',
  'BILLING_ERROR',
  'CORE_TECHNICAL_FAILURE',
  'MAJOR_DEFECT',
] as const;
export type Category = (typeof CATEGORIES)[number];

// C1.2: official channels, recorded on the case and on every interaction.
export const CHANNELS = ['HOTLINE', 'ONLINE', 'EMAIL', 'CONTACT_PERSON', 'API'] as const;
export type Channel = (typeof CHANNELS)[number];

export { PRIORITIES, type Priority } from './sla-policy';

export const ROLES = ['customer', 'agent', 'supervisor', 'manager', 'admin', 'system'] as const;
export type Role = (typeof ROLES)[number];

/** Who performs an action. The API builds this from a verified token; the workflow trusts it. */
export interface Actor {
  id: string;
  role: Role;
  /** For customers: the organisation they belong to. */
  customerId?: string;
  /** Compensation authority in minor currency units (C2.2(d)); absent → the role's default. */
  compensationLimit?: number;
  /**
   * Compensation authority per ISO 4217 code, in minor units, from the provider's authority
   * matrix; when present it decides (a currency it leaves out is 0) and `compensationLimit`
   * is not read. Absent in histories recorded before the matrix.
   */
  compensationLimits?: Record<string, number>;
}

/** Units a case can be handled by. Level 0 is front line. */
export const UNITS = [
  'front-line',
  'specialist',
  'technical-support',
  'r-and-d',
  'security',
  'billing',
  'customer-care-manager',
  'management',
] as const;
export type Unit = (typeof UNITS)[number];

// C2.1(c): the standard procedures front line may resolve with; C2.2(c): policy requests.
export const STANDARD_PROCEDURES = ['PASSWORD_RESET', 'SERVICE_STATUS_CHECK', 'SETTINGS_GUIDANCE'] as const;
export type StandardProcedure = (typeof STANDARD_PROCEDURES)[number];
export const POLICY_REQUESTS = ['SERVICE_SUSPENSION', 'UPGRADE_OPTIONS'] as const;
export type PolicyRequest = (typeof POLICY_REQUESTS)[number];
