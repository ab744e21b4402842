import { Alert, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ApiError } from '../api';

/** Shows a loader or the Dutch error of a query, or its content once loaded. */
export function QueryState<T>({
  query,
  children,
}: {
  query: { isPending: boolean; error: ApiError | null; data: T | undefined };
  children: (data: T) => ReactNode;
}) {
  if (query.error)
    return (
      <Alert color="red" role="alert">
        {query.error.message}
      </Alert>
    );
  if (query.isPending || query.data === undefined) return <Loader size="sm" />;
  return <>{children(query.data)}</>;
}
