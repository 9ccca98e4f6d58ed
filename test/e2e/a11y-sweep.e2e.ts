/**
 * Accessibility sweep, Latvian pages: axe-core WCAG 2.0/2.1 A + AA and reflow on every built
 * /lv/ page at 320 px, desktop axe on one page of every type, 200 % zoom on one page of every type
 * per municipality. See support/sweep.ts. The Russian pages: a11y-sweep-ru.e2e.ts.
 */
import { defineSweep } from './support/sweep.ts';

defineSweep('lv');
