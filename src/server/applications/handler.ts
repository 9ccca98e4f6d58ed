/**
 * The application handler: framework-free, `(Request, context) → Outcome` — read the posted
 * application (read-submission.ts), then accept it (accept.ts). The JSON endpoint answers its
 * outcome (api.ts); the form page reads and accepts itself, so that its no-JS "add a row" button
 * re-renders the page before anything is accepted. Same-origin and the per-IP rate limit are
 * applied to every POST by the server before this runs (src/server/guards, main.ts).
 */
import { acceptSubmission } from './accept.ts';
import type { HandlerDeps, HandlerInput } from './deps.ts';
import type { Outcome } from './outcome.ts';
import { readSubmission } from './read-submission.ts';

export async function handleApplication(input: HandlerInput, deps: HandlerDeps): Promise<Outcome> {
  const read = await readSubmission(input, deps);
  return read.ok ? acceptSubmission(read.submission, deps) : read.outcome;
}
