import type { CliOutput } from './io.js';

export interface Progress {
  update(text: string): void;
  /** A line kept on its own, shown at once (not held back like updates). */
  note(text: string): void;
  done(): void;
}

const silent: Progress = { update: () => undefined, note: () => undefined, done: () => undefined };

/**
 * Progress on stderr, never stdout: redrawn in place on a terminal, one line at
 * a time (at most every 2 s) when `--progress` asks for it elsewhere.
 */
export const progressOn = (stderr: CliOutput, asked: boolean): Progress => {
  const tty = stderr.isTTY === true;
  if (!tty && !asked) return silent;
  const every = tty ? 100 : 2_000;
  let last = 0;
  let shown = false;
  return {
    update(text) {
      const now = Date.now();
      if (now - last < every) return;
      last = now;
      shown = true;
      stderr.write(tty ? `\r\u001b[K${text}` : `${text}\n`);
    },
    note(text) {
      stderr.write(tty && shown ? `\r\u001b[K${text}\n` : `${text}\n`);
      shown = false;
    },
    done() {
      if (tty && shown) stderr.write('\r\u001b[K');
    },
  };
};
