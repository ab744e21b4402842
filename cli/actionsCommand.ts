import type { CliIo } from './args';

/** `export ...`: see USAGE in run.ts. */
export async function exportActions(args: string[], io: CliIo): Promise<number> {
  void [args, io];
  throw new Error('not built yet');
}
