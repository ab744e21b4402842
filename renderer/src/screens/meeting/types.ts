import type { useChannel } from '../../api';

type MeetingDetail = NonNullable<ReturnType<typeof useChannel<'meetings.get'>>['data']>;
/** The agenda of one meeting, in order. */
export type AgendaItems = MeetingDetail['agenda'];
/** Every invited member with their presence. */
export type PresenceRows = MeetingDetail['presence'];
