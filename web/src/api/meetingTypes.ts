// Types of /api/meetings: aliases of the server's types (src/shared/api-types.ts), never copies.
import type * as api from '../../../src/shared/api-types';

export type Span = api.MeetingSpan;
export type ParsedMeeting = api.ParsedMeeting;
export type ParsedDirective = ParsedMeeting['groups'][number]['directives'][number];
export type ParsedTask = ParsedDirective['tasks'][number];
export type ParsedClosingItem = ParsedMeeting['closingItems'][number];
/** POST /meetings/parse and /meetings/parse-file. */
export type ParseResult = api.MeetingParseResult;
export type ConfirmBody = api.MeetingConfirmBody;
export type ConfirmResult = api.MeetingConfirmResult;
export type MeetingListItem = api.MeetingListItem;
export type MeetingDetail = api.MeetingDetail;
export type MeetingDirective = MeetingDetail['directives'][number];
export type UnitHint = api.MeetingUnitHint;
