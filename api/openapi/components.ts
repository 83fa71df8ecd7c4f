// Names for the schemas the OpenAPI document shows under components/schemas. `.meta`
// returns a named copy with the same rules, so the routes keep validating with the
// originals and the document cannot describe anything they do not enforce.
import type { z } from 'zod';
import { accountBody } from '../routes/reference';
import { actionBodies, createCaseBody, type ActionName } from '../schemas/cases';
import { calendarBody, previewBody, slaPolicyBody } from '../schemas/reference';
import * as responses from '../schemas/responses';

const named = <T extends z.ZodType>(id: string, schema: T): T => schema.meta({ id }) as T;

export const Problem = named('Problem', responses.problemSchema);
export const CaseView = named('CaseView', responses.caseViewSchema);
export const CustomerCaseView = named('CustomerCaseView', responses.customerCaseViewSchema);
export const ActionResult = named('ActionResult', responses.actionResultSchema);
export const CaseListPage = named('CaseListPage', responses.caseListPageSchema);
export const HistoryPage = named('HistoryPage', responses.historyPageSchema);
export const Calendar = named('Calendar', responses.calendarSchema);
export const CalendarList = named('CalendarList', responses.calendarListSchema);
export const SlaPolicy = named('SlaPolicy', responses.slaPolicySchema);
export const SlaPolicyList = named('SlaPolicyList', responses.slaPolicyListSchema);
export const SlaPreview = named('SlaPreview', responses.slaPreviewSchema);
export const Account = named('Account', responses.accountSchema);
export const LookupAudit = named('LookupAudit', responses.lookupAuditSchema);
export const Health = named('Health', responses.healthSchema);
export const Readiness = named('Readiness', responses.readinessSchema);

export const CreateCaseBody = named('CreateCaseBody', createCaseBody);
export const CalendarBody = named('CalendarBody', calendarBody);
export const SlaPolicyBody = named('SlaPolicyBody', slaPolicyBody);
export const PreviewBody = named('PreviewBody', previewBody);
export const AccountBody = named('AccountBody', accountBody);

const pascal = (s: string): string => s[0]!.toUpperCase() + s.slice(1);
/** One named body per action: `ReplyBody`, `EscalateBody`, ... */
export const ActionBodies = Object.fromEntries(
  (Object.keys(actionBodies) as ActionName[]).map((a) => [a, named(`${pascal(a)}Body`, actionBodies[a])]),
) as unknown as Record<ActionName, z.ZodType>;
