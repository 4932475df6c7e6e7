import { LedgerFormatError } from '@collective-ledger/core';
import { errnoOf } from './file-lock.js';

const SYSTEM_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ENOTDIR: 'a parent is not a directory',
  ENOSPC: 'no space left on device',
  EROFS: 'read-only file system',
  EEXIST: 'already exists',
};

/** A Node system error (`ENOENT: no such file..., open 'x'`) as `cannot open x: no such file or directory`. */
const describeSystemError = (error: Error & { syscall?: unknown; path?: unknown }, code: string): string => {
  const reason = SYSTEM_REASONS[code] ?? error.message;
  const syscall = typeof error.syscall === 'string' ? error.syscall : 'use';
  return typeof error.path === 'string' ? `cannot ${syscall} ${error.path}: ${reason}` : reason;
};

/**
 * The line that tells a user what went wrong, without a stack trace. The
 * problems of an invalid ledger file are joined with `; ` so the error stays one
 * line that scripts can read, and still lists every problem kept.
 */
export const describeError = (error: unknown): string[] => {
  if (error instanceof LedgerFormatError) return [error.message.split('\n').join('; ')];
  if (!(error instanceof Error)) return [String(error)];
  const code = errnoOf(error);
  if (code !== undefined && /^E[A-Z]+$/.test(code)) return [describeSystemError(error, code)];
  const first = error.message.split('\n')[0] ?? '';
  return [first === '' ? error.name : first];
};
