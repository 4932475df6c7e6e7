/**
 * Where things are in a ledger file, kept in memory so that reads go straight
 * to the lines they need: the byte offset of every line, the lines of each
 * stream's events (line `lines[p]` holds stream position `p`) and the lines of
 * each command id's events. Built by the opening scan and by every write after
 * it commits; lines are numbered from 1, as global positions are.
 */
export class LedgerIndex {
  /** The byte offset of line `n` at index `n - 1`, blank lines included. */
  private readonly starts: number[] = [];
  private readonly streams = new Map<string, number[]>();
  /** A command's line, or its lines when it has several (most have one). */
  private readonly commands = new Map<string, number | number[]>();

  /** Lines indexed so far: the number of the last one. */
  get lines(): number {
    return this.starts.length;
  }

  /** Record the next line of the file, starting at byte `start`; returns its number. */
  addLine(start: number): number {
    this.starts.push(start);
    return this.starts.length;
  }

  /** Record that line `lineNumber` (the last one added) holds the next event of `streamId`. */
  addEvent(lineNumber: number, streamId: string, commandId: string | undefined): void {
    const stream = this.streams.get(streamId);
    if (stream === undefined) this.streams.set(streamId, [lineNumber]);
    else stream.push(lineNumber);
    if (commandId === undefined) return;
    const lines = this.commands.get(commandId);
    if (lines === undefined) this.commands.set(commandId, lineNumber);
    else if (typeof lines === 'number') this.commands.set(commandId, [lines, lineNumber]);
    else lines.push(lineNumber);
  }

  /** Bytes `[start, end)` of line `lineNumber`, its line end included; `fileEnd` closes the last line. */
  rangeOf(lineNumber: number, fileEnd: number): readonly [number, number] {
    const start = this.starts[lineNumber - 1];
    if (start === undefined) throw new RangeError(`line ${lineNumber} is not in the index`);
    return [start, this.starts[lineNumber] ?? fileEnd];
  }

  /** The lines of a stream's events in stream order (the live array: it grows as appends commit). */
  streamLines(streamId: string): readonly number[] | undefined {
    return this.streams.get(streamId);
  }

  /** The lines of a command id's events, in file (global) order. */
  commandLines(commandId: string): readonly number[] {
    const lines = this.commands.get(commandId);
    return lines === undefined ? [] : typeof lines === 'number' ? [lines] : [...lines];
  }

  /** The stream position of the event on line `lineNumber` of `streamId`: a binary search of its lines. */
  positionOf(streamId: string, lineNumber: number): bigint {
    const lines = this.streams.get(streamId) ?? [];
    let [low, high] = [0, lines.length - 1];
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const line = lines[middle] ?? 0;
      if (line === lineNumber) return BigInt(middle);
      if (line < lineNumber) low = middle + 1;
      else high = middle - 1;
    }
    throw new RangeError(`line ${lineNumber} holds no event of stream ${streamId}`);
  }
}
