import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ModelFileInfo } from '../../app/contract/llm-channels';
import { readGgufHeader } from './gguf-check';
import { sha256OfFile } from './model-hash';
import type { ModelLibrary } from './model-library';
import { DomainError } from '../../app/domain/domain-error';
import { renderMessage } from '../../app/messages';

/**
 * Brings a GGUF file the user picked into their models folder: checked first (a broken file is refused
 * with its specific problem), hashed, then copied atomically or linked. A link saves disk space for multi-GB files;
 * where symlinks are not allowed (Windows without developer mode, some network drives) it falls back to a copy.
 * An existing file of the same name is kept: the same bytes answer with it, different bytes are refused.
 */
export async function importModelFile(
  library: ModelLibrary,
  sourcePath: string,
  mode: 'copy' | 'link',
): Promise<ModelFileInfo & { linked: boolean }> {
  const source = path.resolve(sourcePath);
  const fileName = path.basename(source);
  if (!fileName.toLowerCase().endsWith('.gguf')) {
    throw new DomainError(
      'validation',
      `${fileName} does not end in .gguf; only GGUF model files can be imported. / ${fileName} 不是 .gguf 文件，只能导入 GGUF 模型文件。`,
    );
  }
  const header = await readGgufHeader(source, fileName);
  if (header.problem)
    throw new DomainError(
      'validation',
      `${renderMessage(header.problem.text, 'en')} / ${renderMessage(header.problem.text, 'zh-CN')}`,
    );

  const sha256 = await sha256OfFile(source);
  await fs.mkdir(library.userDir, { recursive: true });
  const target = path.join(library.userDir, fileName);
  if (path.resolve(target) === source) return { ...(await library.inspect(target)), linked: false };

  const existing = await fs.stat(target).catch(() => null);
  if (existing) {
    const existingHash = await library.hashes.hash(target).catch(() => null);
    if (existingHash === sha256) return { ...(await library.inspect(target)), linked: false };
    throw new DomainError(
      'conflict',
      `A different file named ${fileName} is already in the models folder (${library.userDir}); it was left as it is. Rename one of them and import again. / 模型文件夹中已有另一个名为 ${fileName} 的文件，未作改动。请重命名其中一个后再导入。`,
    );
  }

  let linked = false;
  if (mode === 'link') {
    try {
      await fs.symlink(source, target, 'file');
      linked = true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST')
        throw new DomainError(
          'conflict',
          `${fileName} appeared in the models folder while importing; try again. / 导入时模型文件夹中出现了 ${fileName}，请重试。`,
        );
      // EPERM / EACCES / ENOTSUP: no symlinks here; copy instead.
    }
  }
  if (!linked) {
    const temporary = `${target}.import-${process.pid}-${randomBytes(4).toString('hex')}`;
    try {
      await fs.copyFile(source, temporary);
      // Never overwrite: a hard link (not a rename) fails if the name was taken meanwhile.
      await fs.link(temporary, target).catch(async (error: NodeJS.ErrnoException) => {
        if (error.code === 'EEXIST') throw error;
        // A file system without hard links: rename, after one more look.
        if (await fs.stat(target).catch(() => null)) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
        await fs.rename(temporary, target);
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
        throw new DomainError(
          'conflict',
          `${fileName} appeared in the models folder while importing; try again. / 导入时模型文件夹中出现了 ${fileName}，请重试。`,
        );
      }
      throw error;
    } finally {
      await fs.rm(temporary, { force: true });
    }
  }
  const stat = await fs.stat(target);
  await library.hashes.remember(target, { size: stat.size, mtimeMs: stat.mtimeMs, sha256 });
  return { ...(await library.inspect(target)), linked };
}
