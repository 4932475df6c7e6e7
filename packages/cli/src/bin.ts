#!/usr/bin/env node
import { runCli } from './cli.js';
import { InterruptedError, OutputClosedError } from './errors.js';

// Stopping goes through a signal, so every command closes its store (releasing
// the lock, rolling back an unfinished import) before the process ends.
const controller = new AbortController();

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  // A reader that stops early (`| head`) closes the pipe: that is not an error.
  if (error.code !== 'EPIPE') throw error;
  controller.abort(new OutputClosedError());
});

process.on('SIGINT', () => {
  if (controller.signal.aborted) process.exit(130);
  controller.abort(new InterruptedError());
});

void runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, signal: controller.signal }).then(
  (code) => {
    process.exitCode = code;
  },
);
