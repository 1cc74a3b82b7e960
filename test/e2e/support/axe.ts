import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** The WCAG 2.1 A and AA rules: what an accessibility audit of a bank's desktop tool would hold it to. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Waits until the screen has finished loading (its heading is there and nothing is still spinning in the page)
 * so axe judges what the advisor will look at, not a loading state.
 */
export async function waitForSettledPage(page: Page): Promise<void> {
  await expect(page.locator('h1').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('main [role="progressbar"]')).toHaveCount(0, { timeout: 90_000 });
}

/**
 * Runs axe on the whole document and fails with every serious or critical violation, each with its rule id,
 * what it is about and the elements it found, so a failure says what to fix without opening a report.
 */
export async function expectNoSeriousViolations(page: Page, what: string): Promise<void> {
  // A tooltip still fading in or out under the pointer that just clicked (the language or theme switch) is read by
  // axe at part opacity; park the pointer where nothing reacts to it and check the page as a reader would meet it.
  const size = page.viewportSize();
  if (size) await page.mouse.move(size.width - 2, size.height - 2);
  await expect(page.locator('.MuiTooltip-popper')).toHaveCount(0);
  // A theme switch fades every button's colours over a quarter second; axe reading half-way (dark text on a
  // half-light blue) reports a contrast the reader never sees once it settles. Wait for CSS transitions to end
  // (spinners' endless animations are not transitions, so they do not hold this up). Two frames first, so the
  // styles of the last click and pointer move are applied and their transitions have started.
  await page.evaluate(
    () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );
  await page.waitForFunction(
    () => document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState !== 'running'),
    undefined,
    { timeout: 10_000 },
  );
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n` +
      v.nodes.map((n) => `    ${n.target.join(' ')}  ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`).join('\n'),
  );
  expect(serious.length, `serious or critical accessibility violations on ${what}:\n${report.join('\n')}`).toBe(0);
}
