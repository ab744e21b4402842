import { buildApp } from './build';
import { useMemoryTemp } from './memoryTemp';

export default function setup(): () => void {
  buildApp();
  // Temporary files in memory where the machine allows it (memoryTemp.ts); removed after the run.
  return useMemoryTemp();
}
