/** Counts for monitoring (the health endpoint): how many items wait, how many need a human. */
import { access, constants, readdir } from 'node:fs/promises';
import { isReference } from '../reference.ts';
import { outboxLayout } from './layout.ts';

export interface OutboxStatus {
  writable: boolean;
  queued: number;
  dead: number;
}

async function count(dir: string): Promise<number> {
  try {
    return (await readdir(dir)).filter(isReference).length;
  } catch {
    return 0;
  }
}

export async function outboxStatus(root: string): Promise<OutboxStatus> {
  const layout = outboxLayout(root);
  const writable = await access(layout.tmp, constants.W_OK).then(() => true, () => false);
  return { writable, queued: await count(layout.queue), dead: await count(layout.dead) };
}
