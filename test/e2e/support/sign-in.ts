import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * Who the specs work as: the demo branch manager, who advises and administers (rule sets, the review policy), so
 * every spec written before users existed keeps doing what it did.
 */
export const DESK_USER = 'ADV-03';
export const DEMO_ADVISOR = 'ADV-01';
export const DEMO_REVIEWER = 'REV-01';

/** Signs in through the picker when it shows; a backend someone already signed in to goes straight to the app. */
export async function signInIfAsked(page: Page, userId: string = DESK_USER): Promise<void> {
  const picker = page.getByTestId('sign-in');
  const menu = page.getByTestId('user-menu');
  await expect(picker.or(menu)).toBeVisible({ timeout: 30_000 });
  if (await menu.isVisible()) return;
  await picker.locator(`[data-testid="sign-in-user"][data-user-id="${userId}"]`).click();
  await page.getByTestId('sign-in-submit').click();
  await expect(menu).toHaveAttribute('data-user-id', userId);
}

/** Opens an address of the app and signs in as `userId` if nobody is signed in at this desk yet. */
export async function openApp(page: Page, url: string, userId: string = DESK_USER): Promise<void> {
  await page.goto(url);
  await signInIfAsked(page, userId);
}

/** Switches to another user from the app bar's user menu, as a second person taking over the desk. */
export async function switchUser(page: Page, userId: string): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.locator(`[data-testid="user-menu-switch"][data-user-id="${userId}"]`).click();
  await expect(page.getByTestId('user-menu')).toHaveAttribute('data-user-id', userId);
}
