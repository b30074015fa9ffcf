/**
 * The message SQLite raises, through the better-sqlite3 driver adapter, when something tries to
 * change or remove an audit row (see the `AuditLog_no_update` / `AuditLog_no_delete` triggers).
 */
export const AUDIT_APPEND_ONLY_MESSAGE = 'audit log is append-only'

/**
 * The original SQLite error behind a Prisma error raised by the driver adapter, or behind the
 * adapter's own error, when there is one. Prisma files a trigger's `RAISE(ABORT, …)` as a
 * foreign-key violation (P2003); the original code (`SQLITE_CONSTRAINT_TRIGGER`) and message are
 * kept in `meta.driverAdapterError.cause` (in `cause` of the adapter's error before Prisma wraps it).
 */
export function sqliteCause(error: unknown): { readonly code: string; readonly message: string } | undefined {
  type Cause = { originalCode?: unknown; originalMessage?: unknown }
  const wrapped = error as { meta?: { driverAdapterError?: { cause?: Cause } }; cause?: Cause } | null
  const cause = wrapped?.meta?.driverAdapterError?.cause ?? wrapped?.cause
  if (typeof cause?.originalCode !== 'string' || typeof cause.originalMessage !== 'string') return undefined
  return { code: cause.originalCode, message: cause.originalMessage }
}

/** True when `error` is the audit log's append-only trigger refusing an UPDATE or DELETE. */
export function isAuditAppendOnlyViolation(error: unknown): boolean {
  const cause = sqliteCause(error)
  return cause !== undefined && cause.code === 'SQLITE_CONSTRAINT_TRIGGER' && cause.message === AUDIT_APPEND_ONLY_MESSAGE
}

/**
 * True for SQLite's "another connection holds or changed what this transaction needs"
 * (SQLITE_BUSY, SQLITE_BUSY_SNAPSHOT, SQLITE_LOCKED), including a write transaction whose wait for
 * the write lock ran out (see `writeLockedTransactions`).
 */
export function isWriteContention(error: unknown): boolean {
  const code = sqliteCause(error)?.code
  if (code !== undefined) return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')
  const message = error instanceof Error ? error.message : ''
  return /database is locked|SQLITE_BUSY/i.test(message)
}
