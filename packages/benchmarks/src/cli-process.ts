/** The built `collective-ledger` program run as users run it: a new Node process, timed from spawn to exit. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../cli/bin/collective-ledger.js', import.meta.url));

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
}

export const runCliProcess = (args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> =>
  new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.on('error', reject);
    child.on('close', (code) => { resolve({ code: code ?? 1, stdout, stderr, seconds: Number(process.hrtime.bigint() - started) / 1e9 }); });
  });

/** A run that must succeed: its stdout, or an error with its stderr. */
export const cliOk = async (args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> => {
  const run = await runCliProcess(args, env);
  if (run.code !== 0) throw new Error(`collective-ledger ${args.join(' ')} exited ${run.code}: ${run.stderr}`);
  return run;
};

/** A long-running command (`project --follow`): its stderr as it comes, and a way to stop it as Ctrl-C does. */
export const startCliProcess = (args: readonly string[], env: NodeJS.ProcessEnv = {}) => {
  const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const waiters = new Set<() => void>();
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    stderr += text;
    for (const wake of [...waiters]) wake();
  });
  const exited = new Promise<number>((resolve) => child.on('close', (code) => { resolve(code ?? 1); }));
  return {
    /** Resolves at the moment stderr first holds `text`, with that moment (process.hrtime, ns). */
    saw: (text: string, timeoutMs = 60_000): Promise<bigint> =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          if (!stderr.includes(text)) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(process.hrtime.bigint());
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no "${text.trim()}" on stderr within ${timeoutMs} ms; stderr: ${stderr.slice(-500)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    stop: async (): Promise<number> => {
      child.kill('SIGINT');
      return exited;
    },
  };
};

/** Seconds a Node script takes from spawn to exit (it must succeed). */
export const nodeProcess = (script: string, args: readonly string[]): Promise<number> =>
  new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(Number(process.hrtime.bigint() - started) / 1e9);
      else reject(new Error(`${script} exited ${code ?? 'by a signal'}`));
    });
  });
