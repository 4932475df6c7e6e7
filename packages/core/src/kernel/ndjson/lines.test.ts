import { describe, expect, it } from 'vitest';
import { LedgerLineError } from './errors.js';
import { splitLines, type TextLine } from './lines.js';
import { byteChunks, chunksOf } from './test-catalog.js';

const collect = async (chunks: AsyncIterable<string | Uint8Array>, maxLineLength?: number): Promise<TextLine[]> => {
  const lines: TextLine[] = [];
  const options = maxLineLength === undefined ? {} : { maxLineLength };
  for await (const line of splitLines(chunks, options)) lines.push(line);
  return lines;
};

describe('splitLines', () => {
  it('numbers every line, blank ones included, and returns a last line without a line end', async () => {
    const lines = await collect(chunksOf('a\n\nb\nc'));
    expect(lines).toEqual([
      { lineNumber: 1, text: 'a' },
      { lineNumber: 2, text: '' },
      { lineNumber: 3, text: 'b' },
      { lineNumber: 4, text: 'c' },
    ]);
  });

  it('accepts CRLF line ends', async () => {
    const lines = await collect(chunksOf('东风村\r\n红旗村\r', '\n'));
    expect(lines.map((l) => l.text)).toEqual(['东风村', '红旗村']);
  });

  it('reads a Chinese character cut between two chunks whole, at every possible cut', async () => {
    const text = '{"name":"东风村集体经济合作社"}\n{"memo":"鱼塘承包费"}\n';
    for (const size of [1, 2, 3, 4, 5, 7]) {
      const lines = await collect(chunksOf(...byteChunks(text, size)));
      expect(lines.map((l) => l.text)).toEqual(['{"name":"东风村集体经济合作社"}', '{"memo":"鱼塘承包费"}']);
    }
  });

  it('joins a line cut across many string chunks', async () => {
    const lines = await collect(chunksOf('{"a":', '1', '}\n{"b"', ':2}\n'));
    expect(lines.map((l) => l.text)).toEqual(['{"a":1}', '{"b":2}']);
  });

  it('drops a byte order mark at the start', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('x\n')]);
    expect(await collect(chunksOf(bytes))).toEqual([{ lineNumber: 1, text: 'x' }]);
  });

  it('refuses a line longer than the limit, naming it', async () => {
    const run = collect(chunksOf('short\n', 'x'.repeat(6), 'x'.repeat(6), '\n'), 10);
    await expect(run).rejects.toThrow(LedgerLineError);
    await expect(collect(chunksOf('short\n', 'x'.repeat(11), '\n'), 10)).rejects.toThrow(
      'line 2: (line): longer than the limit of 10 characters',
    );
  });

  it('refuses bytes that are not UTF-8, naming the line', async () => {
    const bad = new Uint8Array([0x61, 0x0a, 0xff, 0x0a]);
    await expect(collect(chunksOf(bad))).rejects.toThrow('line 2: (line): not valid UTF-8 text');
  });
});
