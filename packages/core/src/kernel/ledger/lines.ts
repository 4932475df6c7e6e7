import { LedgerLineError } from './errors.js';

/** One line of a text file, without its line end. Line numbers start at 1 and count blank lines. */
export interface TextLine {
  readonly lineNumber: number;
  readonly text: string;
}

export interface SplitLinesOptions {
  /** The longest line accepted, in UTF-16 code units (default 64 Mi); a longer one is an error naming it. */
  readonly maxLineLength?: number;
}

export const DEFAULT_MAX_LINE_LENGTH = 64 * 1024 * 1024;

/**
 * Split a stream of text or UTF-8 bytes into lines (`\n` or `\r\n`), holding only
 * the current line in memory. Bytes go through one streaming decoder, so a Chinese
 * character cut between two chunks is read whole; invalid UTF-8 is an error. A
 * last line without a line end is still returned.
 */
export async function* splitLines(
  chunks: AsyncIterable<string | Uint8Array>,
  options: SplitLinesOptions = {},
): AsyncIterable<TextLine> {
  const max = options.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let parts: string[] = [];
  let pending = 0;
  let lineNumber = 0;

  const decode = (chunk: string | Uint8Array, last: boolean): string => {
    try {
      if (typeof chunk === 'string') return decoder.decode() + chunk;
      return decoder.decode(chunk, { stream: !last });
    } catch {
      throw LedgerLineError.single(lineNumber + 1, '(line)', 'not valid UTF-8 text');
    }
  };
  const tooLong = (): LedgerLineError =>
    LedgerLineError.single(lineNumber + 1, '(line)', `longer than the limit of ${max} characters`);
  const finish = (tail: string): TextLine => {
    const joined = parts.length === 0 ? tail : parts.join('') + tail;
    parts = [];
    pending = 0;
    const text = joined.endsWith('\r') ? joined.slice(0, -1) : joined;
    if (text.length > max) throw tooLong();
    lineNumber += 1;
    return { lineNumber, text: lineNumber === 1 && text.startsWith('\uFEFF') ? text.slice(1) : text };
  };

  for await (const chunk of chunks) {
    const text = decode(chunk, false);
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      yield finish(text.slice(start, end));
      start = end + 1;
    }
    if (start < text.length) {
      parts.push(text.slice(start));
      pending += text.length - start;
      if (pending > max + 1) throw tooLong();
    }
  }
  const rest = decode(new Uint8Array(0), true);
  if (rest.length > 0) parts.push(rest);
  if (parts.length > 0) yield finish('');
}
