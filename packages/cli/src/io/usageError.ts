/**
 * Usage errors (用法错误): a bad option, a missing column, an unreadable file. They end the run
 * with exit code 2, before any output is written.
 * @module
 */

/** A command-line usage error, with a Chinese and an English message. */
export class UsageError extends Error {
  readonly messageZh: string
  readonly messageEn: string

  constructor(messageZh: string, messageEn: string, options?: { cause?: unknown }) {
    super(`${messageZh} / ${messageEn}`, options)
    this.name = 'UsageError'
    this.messageZh = messageZh
    this.messageEn = messageEn
  }
}
