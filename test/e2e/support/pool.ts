/** Runs `work` over `items` with `size` browser tabs at once (2-core CI: 2–3 tabs keep both busy). */
import type { BrowserContext, Page } from 'playwright-core';

export async function withTabs<T, R>(
  ctx: BrowserContext,
  items: readonly T[],
  size: number,
  work: (page: Page, item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(size, items.length) }, async () => {
      const page = await ctx.newPage();
      try {
        while (next < items.length) {
          const i = next++;
          results[i] = await work(page, items[i] as T);
        }
      } finally {
        await page.close();
      }
    }),
  );
  return results;
}
