import fs from 'node:fs';
import path from 'node:path';
import { testLoraPath, testModelPath } from '../fixtures/test-models';
import { test, expect } from './support/fixtures';

const SCREENS = '/tmp/advisor-desk-screens';

test.describe('language models page', () => {
  test.setTimeout(180_000);

  test('lists the models folder with header facts and problems, imports a generated model, loads it on the CPU and unloads it; the app-bar chip follows', async ({
    page,
    webApp,
    dataDir,
    consoleErrors,
  }) => {
    const modelPath = await testModelPath();
    // The user's models folder already holds a plain model (no chat template, not hashed yet) and a cut-off copy.
    const folder = path.join(dataDir, 'models');
    fs.mkdirSync(folder, { recursive: true });
    const plain = await testModelPath({ chatTemplate: false });
    fs.copyFileSync(plain, path.join(folder, 'plain-test.gguf'));
    fs.writeFileSync(path.join(folder, 'cut-off.gguf'), fs.readFileSync(plain).subarray(0, 4096));
    await page.goto(webApp.url);
    const chip = page.getByTestId('llm-status-chip');
    await expect(chip).toHaveAttribute('data-state', 'none');
    await expect(chip).toHaveText('No language model');

    await page.getByTestId('nav-models').click();
    await expect(page).toHaveURL(/#\/models$/);
    await expect(page.getByTestId('llm-title')).toHaveText('Language models');
    await expect(page.getByTestId('llm-status-none')).toBeVisible();

    const plainRow = page.locator('[data-testid="llm-file-row"][data-file="plain-test.gguf"]');
    await expect(plainRow.getByTestId('llm-file-chat-template')).toHaveText('No');
    await expect(plainRow.getByTestId('llm-file-sha256')).toHaveCount(0);
    await plainRow.getByTestId('llm-file-inspect').click();
    await expect(plainRow.getByTestId('llm-file-sha256')).toHaveText(/^[0-9a-f]{12}…$/);
    const cutRow = page.locator('[data-testid="llm-file-row"][data-file="cut-off.gguf"]');
    await expect(cutRow.getByTestId('llm-file-problem')).not.toBeEmpty();
    await expect(cutRow.getByTestId('llm-file-load')).toBeDisabled();
    await expect(cutRow.getByTestId('llm-file-chat-template')).toHaveText('—');

    await page.getByTestId('llm-import-path').fill(modelPath);
    await page.getByTestId('llm-import-submit').click();
    const row = page.locator(`[data-testid="llm-file-row"][data-file="${path.basename(modelPath)}"]`);
    await expect(row).toBeVisible();
    await expect(row.getByTestId('llm-file-architecture')).toHaveText('llama');
    await expect(row.getByTestId('llm-file-quantization')).toHaveText('Q8_0');
    await expect(row.getByTestId('llm-file-chat-template')).toHaveText('Yes');
    await expect(row.getByTestId('llm-file-problem')).toHaveCount(0);
    await expect(row.getByTestId('llm-file-fit')).toContainText(/CPU/);

    // Importing hashes the file.
    await expect(row.getByTestId('llm-file-sha256')).toHaveText(/^[0-9a-f]{12}…$/);

    await row.getByTestId('llm-file-load').click();
    await expect(chip).toHaveAttribute('data-state', 'loaded', { timeout: 60_000 });
    await expect(chip).toHaveAttribute('data-backend', 'cpu');
    await expect(chip).toContainText('CPU');
    await expect(page.getByTestId('llm-status-backend')).toHaveText('CPU');
    await expect(page.getByTestId('llm-status-layers')).toHaveText(/^0 of \d+$/);
    await expect(page.getByTestId('llm-status-context')).toHaveText(/^\d[\d,]* tokens$/);
    await expect(page.getByTestId('llm-status-threads')).toHaveText(/^[1-9]\d*$/);
    await expect(row).toHaveAttribute('data-loaded', 'true');
    await expect(row.getByTestId('llm-file-loaded')).toBeVisible();
    fs.mkdirSync(SCREENS, { recursive: true });
    await page.screenshot({ path: `${SCREENS}/models-page.png`, fullPage: true });

    await page.getByTestId('language-switch').click();
    await expect(page.getByTestId('llm-title')).toHaveText('语言模型');
    await expect(page.getByTestId('llm-status-layers')).toHaveText(/^0 \/ \d+$/);
    await page.screenshot({ path: `${SCREENS}/models-page-zh.png`, fullPage: true });
    await page.getByTestId('language-switch').click();

    await page.getByTestId('llm-unload').click();
    await expect(chip).toHaveAttribute('data-state', 'none');
    await expect(page.getByTestId('llm-status-none')).toBeVisible();
    await expect(row).toHaveAttribute('data-loaded', 'false');
    await expect(row.getByTestId('llm-file-load')).toBeEnabled();
    expect(consoleErrors).toEqual([]);
  });

  test('a file that is not a model is refused by name, and a download without a network says what to do instead', async ({
    page,
    webApp,
    dataDir,
    consoleErrors,
  }) => {
    const notAModel = path.join(dataDir, 'notes.gguf');
    fs.writeFileSync(notAModel, 'these are meeting notes, not a model');
    await page.goto(`${webApp.url}#/models`);
    await page.getByTestId('llm-import-path').fill(notAModel);
    await page.getByTestId('llm-import-submit').click();
    await expect(page.getByTestId('llm-import-error')).toContainText('notes.gguf is not a GGUF model file');
    // The advisor reads the refusal in the interface's language only.
    await expect(page.getByTestId('llm-import-error')).not.toContainText('不是');

    const entry = page.getByTestId('llm-catalog-entry').first();
    await expect(entry).toBeVisible();
    // The published checksum is on show, for a file copied in by hand.
    await expect(entry.getByTestId('llm-catalog-sha256')).toHaveText(/^SHA-256 [0-9a-f]{12}…$/);
    await entry.getByTestId('llm-catalog-download').click();
    await expect(entry.getByTestId('llm-catalog-offline')).toContainText('Downloads need an internet connection', {
      timeout: 60_000,
    });
    await expect(entry.getByTestId('llm-catalog-download')).toBeEnabled();
    await expect(entry.getByTestId('llm-catalog-offline')).not.toContainText('无法下载');
    await page.screenshot({ path: `${SCREENS}/models-offline.png`, fullPage: true });
    await page.getByTestId('language-switch').click();
    await expect(entry.getByTestId('llm-catalog-offline')).toContainText('下载需要联网');
    await expect(entry.getByTestId('llm-catalog-offline')).toContainText('无法下载');
    await expect(page.getByTestId('llm-import-error')).toContainText('notes.gguf 不是 GGUF 模型文件');
    await page.screenshot({ path: `${SCREENS}/models-offline-zh.png`, fullPage: true });
    expect(consoleErrors).toEqual([]);
  });

  test('a larger model shows its load progress and Cancel leaves nothing loaded', async ({
    page,
    webApp,
    consoleErrors,
  }) => {
    // A 0.5B-shaped file (about 440 MB) takes long enough to load that Cancel can be pressed while it loads.
    const big = await testModelPath({ preset: '0.5b' });
    await page.goto(`${webApp.url}#/models`);
    await page.getByTestId('llm-import-path').fill(big);
    await page.getByRole('checkbox').check();
    await page.getByTestId('llm-import-submit').click();
    const row = page.locator(`[data-testid="llm-file-row"][data-file="${path.basename(big)}"]`);
    await row.getByTestId('llm-file-load').click();
    await expect(page.getByTestId('llm-status-chip')).toHaveAttribute('data-state', 'loading');
    await expect(page.getByTestId('llm-load-progress')).toBeVisible();
    await page.getByTestId('llm-cancel-load').click();
    await expect(page.getByTestId('llm-status-chip')).toHaveAttribute('data-state', 'none', { timeout: 60_000 });
    await expect(page.getByTestId('llm-status-none')).toBeVisible();
    await expect(row.getByTestId('llm-file-load')).toBeEnabled();
    expect(consoleErrors).toEqual([]);
  });

  test('a LoRA adapter in the models folder is listed as one, applied to the loaded model and removed again; one for another shape is refused by name', async ({
    page,
    webApp,
    dataDir,
    consoleErrors,
  }) => {
    const folder = path.join(dataDir, 'models');
    fs.mkdirSync(folder, { recursive: true });
    fs.copyFileSync(await testModelPath(), path.join(folder, 'base.gguf'));
    fs.copyFileSync(await testLoraPath({ preset: 'tiny', rank: 4 }), path.join(folder, 'house-style.gguf'));
    fs.copyFileSync(await testLoraPath({ preset: '0.5b', rank: 4 }), path.join(folder, 'other-shape.gguf'));
    await page.goto(`${webApp.url}#/models`);
    const base = page.locator('[data-testid="llm-file-row"][data-file="base.gguf"]');
    const adapter = page.locator('[data-testid="llm-file-row"][data-file="house-style.gguf"]');
    const other = page.locator('[data-testid="llm-file-row"][data-file="other-shape.gguf"]');
    await expect(adapter.getByTestId('llm-file-architecture')).toHaveText('LoRA adapter (llama)');
    await expect(adapter.getByTestId('llm-file-problem')).toHaveCount(0);
    // Nothing to apply it to yet.
    await expect(adapter.getByTestId('llm-file-apply')).toBeDisabled();

    await base.getByTestId('llm-file-load').click();
    await expect(page.getByTestId('llm-status-chip')).toHaveAttribute('data-state', 'loaded', { timeout: 60_000 });
    await expect(page.getByTestId('llm-status-adapter')).toHaveCount(0);
    await adapter.getByTestId('llm-file-apply').click();
    await expect(page.getByTestId('llm-status-adapter')).toHaveText(/^house-style\.gguf · [0-9a-f]{12}… · scale 1$/, {
      timeout: 60_000,
    });
    await expect(page.getByTestId('llm-status-file')).toHaveText('base.gguf');
    await expect(adapter.getByTestId('llm-file-applied')).toBeVisible();
    await page.screenshot({ path: `${SCREENS}/models-lora.png`, fullPage: true });

    await page.getByTestId('llm-remove-adapter').click();
    await expect(page.getByTestId('llm-status-adapter')).toHaveCount(0, { timeout: 60_000 });
    await expect(page.getByTestId('llm-status-chip')).toHaveAttribute('data-state', 'loaded', { timeout: 60_000 });
    await expect(adapter.getByTestId('llm-file-apply')).toBeEnabled();

    await other.getByTestId('llm-file-apply').click();
    await expect(page.getByTestId('llm-load-error')).toContainText('refused the LoRA adapter other-shape.gguf', {
      timeout: 60_000,
    });
    // The engine goes on: the base model loads again.
    await base.getByTestId('llm-file-load').click();
    await expect(page.getByTestId('llm-status-chip')).toHaveAttribute('data-state', 'loaded', { timeout: 60_000 });
    await page.getByTestId('language-switch').click();
    await expect(adapter.getByTestId('llm-file-architecture')).toHaveText('LoRA 适配器（llama）');
    await expect(adapter.getByTestId('llm-file-apply')).toHaveText('应用到已加载模型');
    await page.getByTestId('language-switch').click();
    expect(consoleErrors).toEqual([]);
  });
});
