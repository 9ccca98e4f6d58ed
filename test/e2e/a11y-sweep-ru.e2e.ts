/**
 * Accessibility sweep, Russian pages: axe-core WCAG 2.0/2.1 A + AA and reflow on every built
 * /ru/ page at 320 px, desktop axe on one page of every type, 200 % zoom on one page of every type
 * per municipality. See support/sweep.ts. The Latvian pages: a11y-sweep.e2e.ts.
 */
import { defineSweep } from './support/sweep.ts';

defineSweep('ru');
