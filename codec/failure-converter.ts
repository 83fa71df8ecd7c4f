// How failures are written to Temporal by every Casekeeper client, worker and workflow
// bundle. A failure's message and stack trace can quote what a customer wrote (a
// database error naming a value, an activity's error text): with common attributes
// encoded they travel as a payload, so the payload codec encrypts them like any other
// data, and a keyed client or the codec server restores them when reading.
// The SDK loads this module by path (DataConverter.failureConverterPath), also into the
// workflow sandbox, so it exports exactly one `failureConverter` and imports nothing else.
import { DefaultFailureConverter } from '@temporalio/common';

export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
