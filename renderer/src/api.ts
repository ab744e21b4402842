import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import type { Channel, Input, Output } from '../../core/contract/contract';
import type { IpcError } from '../../core/contract/result';

/** A failed IPC call, carrying the Dutch message and field problems from main. */
export class ApiError extends Error {
  constructor(readonly error: IpcError) {
    super(error.message);
    this.name = 'ApiError';
  }
}

/** Calls one contract channel; resolves with its output or throws ApiError. */
export async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const result = await window.mdo.invoke(channel, input);
  if (!result.ok) throw new ApiError(result.error);
  return result.data;
}

/** A query over one channel; the cache key is the channel plus its input. */
export function useChannel<C extends Channel>(
  channel: C,
  input: Input<C>,
  options: Omit<UseQueryOptions<Output<C>, ApiError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<Output<C>, ApiError>({ queryKey: [channel, input], queryFn: () => call(channel, input), ...options });
}

/** A mutation over one channel that refreshes every query afterwards (data is local and small). */
export function useChannelMutation<C extends Channel>(channel: C) {
  const client = useQueryClient();
  return useMutation<Output<C>, ApiError, Input<C>>({
    mutationFn: (input) => call(channel, input),
    onSuccess: () => client.invalidateQueries(),
  });
}
