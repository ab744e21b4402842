import { buildApp } from './build';

export default function setup(): void {
  buildApp();
}
