/**
 * Typed errors of kehu core.
 *
 * Errors are thrown only for broken preconditions — a malformed amount, a rate outside its
 * allowed range, a year the calendar has no data for, an invalid policy. Business outcomes
 * ("not eligible", "duplicate", "below the margin gate") are returned as data, never thrown.
 *
 * Every error carries a stable machine-readable `code` (e.g. `COMMISSION.RATE_OUT_OF_RANGE`),
 * a Chinese and an English message, the `field` that was wrong where there is one, and
 * structured `details` for programs.
 *
 * @module
 */

/** Structured, JSON-serialisable extra information attached to an error. */
export type ErrorDetails = Readonly<Record<string, unknown>>

/** Constructor options shared by every {@link KehuError}. */
export interface KehuErrorOptions {
  /** Stable machine-readable code, `AREA.REASON` (e.g. `MONEY.MALFORMED_AMOUNT`). */
  readonly code: string
  /** Message in Chinese (中文说明). */
  readonly messageZh: string
  /** Message in English. */
  readonly messageEn: string
  /** Path of the offending input field, e.g. `policy.overProfitBonus.share`. */
  readonly field?: string
  /** Rule ID of the catalogue the precondition comes from, e.g. `R-COM-6`. */
  readonly ruleId?: string
  /** Structured details for programs. */
  readonly details?: ErrorDetails
  /** The underlying error, if any. */
  readonly cause?: unknown
}

/**
 * Base class of every error thrown by kehu core (客户管理规则库错误).
 *
 * `message` is `"<English> (<中文>)"` so that logs are readable in either language;
 * `messageEn` and `messageZh` hold each language alone.
 */
export class KehuError extends Error {
  /** Stable machine-readable code. */
  readonly code: string
  /** Message in Chinese. */
  readonly messageZh: string
  /** Message in English. */
  readonly messageEn: string
  /** Path of the offending input field, when the error is about one field. */
  readonly field: string | undefined
  /** Rule ID of the catalogue, when the precondition comes from a rule. */
  readonly ruleId: string | undefined
  /** Structured details for programs. */
  readonly details: ErrorDetails

  constructor(options: KehuErrorOptions) {
    super(`${options.messageEn} (${options.messageZh})`, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = new.target.name
    this.code = options.code
    this.messageZh = options.messageZh
    this.messageEn = options.messageEn
    this.field = options.field
    this.ruleId = options.ruleId
    this.details = options.details ?? {}
  }

  /** A plain, JSON-serialisable view of the error (for APIs and logs). */
  toJSON(): {
    name: string
    code: string
    message: string
    messageZh: string
    messageEn: string
    field?: string
    ruleId?: string
    details: ErrorDetails
  } {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      messageZh: this.messageZh,
      messageEn: this.messageEn,
      ...(this.field === undefined ? {} : { field: this.field }),
      ...(this.ruleId === undefined ? {} : { ruleId: this.ruleId }),
      details: this.details,
    }
  }
}

/**
 * An input value is malformed or out of its domain (输入值无效): a negative duration,
 * an invalid date string, a non-finite number where an integer is required.
 */
export class InvalidInputError extends KehuError {}

/**
 * A policy (公司政策参数) failed validation. `field` names the bad policy field,
 * e.g. `commission.fixedRateRange.min`.
 */
export class PolicyValidationError extends KehuError {}

/** True when `value` is a {@link KehuError} (of any subclass). */
export function isKehuError(value: unknown): value is KehuError {
  return value instanceof KehuError
}
