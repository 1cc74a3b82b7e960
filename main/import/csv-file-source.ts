import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../../app/domain/domain-error';
import {
  CsvChunkParser,
  DEFAULT_CSV_LIMITS,
  detectDelimiter,
  type CsvDelimiter,
  type CsvLimits,
  type CsvRecord,
} from '../../app/import/csv-parser';
import { CsvSourceError, type CsvRowSource } from '../../app/ports';

/** Bytes read from disk at a time: small enough that a huge field never arrives as one string. */
const READ_CHUNK = 1024 * 1024;

/** Checks a WHATWG encoding label before anything is read, so a typo is a usage problem, not a decoding one. */
export function checkEncodingLabel(label: string): string | null {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}

/** The line of the first character `decoder` could not read in `bytes`, counted from `firstLine`. */
function lineOfBadByte(bytes: Uint8Array, encoding: string, firstLine: number): number {
  const lenient = new TextDecoder(encoding).decode(bytes);
  const bad = lenient.indexOf('\uFFFD');
  const upTo = bad === -1 ? lenient : lenient.slice(0, bad);
  let line = firstLine;
  for (let i = upTo.indexOf('\n'); i !== -1; i = upTo.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * A CSV file on disk as a row source: read with a stream in 1 MiB pieces, decoded with `TextDecoder` in fatal mode
 * (a byte that is not in the file's encoding refuses the file with its line, instead of importing mojibake), and
 * parsed as it arrives. The file is hashed on the way for the audit entry, so it is read once.
 */
export function csvFileSource(file: string, options: { encoding?: string } = {}): CsvRowSource {
  const name = path.basename(file);
  const encoding = options.encoding ?? 'utf-8';
  const hash = createHash('sha256');
  let digest: string | null = null;
  return {
    name,
    sha256() {
      if (digest === null) throw new Error(`${name} has not been read to the end yet`);
      return digest;
    },
    async *records({ delimiter, limits: partial, signal }) {
      const limits: CsvLimits = { ...DEFAULT_CSV_LIMITS, ...partial };
      let stat: fs.Stats;
      try {
        stat = fs.statSync(file);
      } catch (error) {
        throw new CsvSourceError(
          name,
          0,
          '(file)',
          `cannot be read: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
        );
      }
      if (stat.isDirectory())
        throw new CsvSourceError(
          name,
          0,
          '(file)',
          `${file} is a folder, not a CSV file: give the path of the file in it`,
        );
      if (stat.size > limits.maxFileBytes) throw tooBig(name, limits, 0);
      const label = checkEncodingLabel(encoding);
      if (label === null)
        throw new CsvSourceError(name, 0, '(file)', `"${encoding}" is not an encoding this app knows`);
      const decoder = new TextDecoder(label, { fatal: true });
      let parser: CsvChunkParser | null = delimiter ? new CsvChunkParser(delimiter, limits) : null;
      let used: CsvDelimiter | undefined = delimiter;
      let bytes = 0;
      const stream = fs.createReadStream(file, { highWaterMark: READ_CHUNK });
      const stop = () =>
        stream.destroy(new DomainError('cancelled', 'The import was cancelled; nothing was imported.'));
      signal?.addEventListener('abort', stop, { once: true });
      try {
        signal?.throwIfAborted();
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          if (signal?.aborted) stop();
          bytes += chunk.length;
          // A device such as /dev/zero reports size 0 and never ends: the bytes read are what count.
          if (bytes > limits.maxFileBytes) throw tooBig(name, limits, parser?.currentLine ?? 1);
          hash.update(chunk);
          let text: string;
          try {
            text = decoder.decode(chunk, { stream: true });
          } catch {
            throw badBytes(name, label, lineOfBadByte(chunk, label, parser?.currentLine ?? 1));
          }
          if (parser === null) {
            used = detectDelimiter(text);
            parser = new CsvChunkParser(used, limits);
          }
          const records: CsvRecord[] = parser.push(text);
          if (records.length > 0) yield records;
        }
        let rest: string;
        try {
          rest = decoder.decode();
        } catch {
          throw badBytes(name, label, parser?.currentLine ?? 1);
        }
        parser ??= new CsvChunkParser(used ?? ',', limits);
        const last = [...parser.push(rest), ...parser.end()];
        if (last.length > 0) yield last;
        digest = hash.digest('hex');
      } catch (error) {
        if (signal?.aborted) throw new DomainError('cancelled', 'The import was cancelled; nothing was imported.');
        if (error instanceof RangeError && /string length/i.test(error.message))
          throw new CsvSourceError(
            name,
            parser?.currentLine ?? 1,
            '(file)',
            'a value is too long for this app to hold',
          );
        throw error;
      } finally {
        signal?.removeEventListener('abort', stop);
        stream.destroy();
      }
    },
  };
}

function tooBig(name: string, limits: CsvLimits, line: number): CsvSourceError {
  return new CsvSourceError(
    name,
    line,
    '(file)',
    `the file is larger than the limit of ${(limits.maxFileBytes / 1024 / 1024).toLocaleString('en-US')} MiB per import (split it)`,
  );
}

function badBytes(name: string, encoding: string, line: number): CsvSourceError {
  return new CsvSourceError(
    name,
    line,
    '(text)',
    `bytes that are not valid ${encoding} text: save the file as UTF-8, or name its encoding (for example gb18030, big5 or windows-1252)`,
  );
}
