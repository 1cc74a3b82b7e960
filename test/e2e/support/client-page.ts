import type { Locator } from '@playwright/test';
import { expect } from './fixtures';

/** Opens every group of the unsuitable products, however many were open already. */
export async function openAllExcluded(card: Locator): Promise<void> {
  const toggle = card.getByTestId('excluded-toggle');
  // With a single group there is no "Expand all": that group's own line opens it.
  if ((await toggle.count()) === 0) {
    const group = card.getByTestId('excluded-group');
    if ((await group.getAttribute('data-open')) !== 'true') await group.getByTestId('excluded-group-toggle').click();
    return;
  }
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
}

/** Chooses a reaction on a recommendation row and confirms it in the popover that asks for channel and note. */
export async function recordReaction(
  row: Locator,
  outcome: 'interested' | 'accepted' | 'declined' | 'no_response',
  options: { channel?: 'meeting' | 'call' | 'email' | 'branch'; note?: string } = {},
): Promise<void> {
  await row.getByTestId(`reaction-${outcome}`).click();
  const dialog = row.page().getByTestId('reaction-confirm-dialog');
  await expect(dialog).toHaveAttribute('data-outcome', outcome);
  if (options.note) await dialog.getByTestId('reaction-note').fill(options.note);
  if (options.channel) await dialog.getByTestId(`reaction-channel-${options.channel}`).click();
  await dialog.getByTestId('reaction-confirm').click();
  await expect(dialog).toBeHidden();
}
