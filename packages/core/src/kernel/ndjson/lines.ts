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

const NEWLINE = 0x0a;

/** A piece of text from one chunk, and whether a line end follows it. */
type Piece = readonly [text: string, endsLine: boolean];

/**
 * Cut a chunk at its line ends. Bytes are cut before decoding (a `\n` byte never
 * occurs inside a multi-byte UTF-8 character) and decoded with one streaming
 * decoder, so a character split between chunks is read whole and an invalid
 * byte is reported on its own line.
 */
function* piecesOf(chunk: string | Uint8Array, decode: (bytes: Uint8Array, endsLine: boolean) => string): Iterable<Piece> {
  if (typeof chunk === 'string') {
    const flushed = decode(new Uint8Array(0), true);
    const parts = chunk.split('\n');
    for (let i = 0; i < parts.length; i += 1) {
      const text = i === 0 ? flushed + (parts[i] ?? '') : (parts[i] ?? '');
      yield [text, i < parts.length - 1];
    }
    return;
  }
  let start = 0;
  for (let end = chunk.indexOf(NEWLINE); end !== -1; end = chunk.indexOf(NEWLINE, start)) {
    yield [decode(chunk.subarray(start, end), true), true];
    start = end + 1;
  }
  if (start < chunk.length) yield [decode(chunk.subarray(start), false), false];
}

/**
 * Split a stream of text or UTF-8 bytes into lines (`\n` or `\r\n`), holding only
 * the current line in memory. A Chinese character cut between two chunks is read
 * whole; invalid UTF-8 is an error naming its line. A last line without a line
 * end is still returned.
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

  const problem = (reason: string): LedgerLineError => LedgerLineError.single(lineNumber + 1, '(line)', reason);
  const decode = (bytes: Uint8Array, endsLine: boolean): string => {
    try {
      return decoder.decode(bytes, { stream: !endsLine });
    } catch {
      throw problem('not valid UTF-8 text');
    }
  };
  const tooLong = (): LedgerLineError => problem(`longer than the limit of ${max} characters`);
  const finish = (): TextLine => {
    const joined = parts.join('');
    parts = [];
    pending = 0;
    const text = joined.endsWith('\r') ? joined.slice(0, -1) : joined;
    if (text.length > max) throw tooLong();
    lineNumber += 1;
    return { lineNumber, text: lineNumber === 1 && text.startsWith('\uFEFF') ? text.slice(1) : text };
  };

  for await (const chunk of chunks) {
    for (const [text, endsLine] of piecesOf(chunk, decode)) {
      parts.push(text);
      pending += text.length;
      // One spare character for a `\r` that the line end removes.
      if (pending > max + 1) throw tooLong();
      if (endsLine) yield finish();
    }
  }
  const rest = decode(new Uint8Array(0), true);
  if (rest.length > 0) parts.push(rest);
  if (parts.some((part) => part.length > 0)) yield finish();
}
