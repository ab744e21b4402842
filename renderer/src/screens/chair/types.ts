import type { useChannel } from '../../api';

/** One agenda item as chair mode reads it (channel chair.item). */
export type ChairItemData = NonNullable<ReturnType<typeof useChannel<'chair.item'>>['data']>;
