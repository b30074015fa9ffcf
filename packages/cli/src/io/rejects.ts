/**
 * The side file of rejected rows (无效行文件) written with `--skip-invalid`: one line per
 * rejected row with its row number, the columns at fault and the reasons, then the row's cells
 * as read. Written under a temporary name and renamed when the run succeeds.
 * @module
 */
import { createWriteStream, type WriteStream } from 'node:fs'

import { csvLine } from './csvLine.js'
import type { InputRow, RowIssue } from './rows.js'
import { type PendingFile, pendingFile } from './write.js'

/** Collects rejected rows into a CSV side file (UTF-8 with BOM, so Excel shows the Chinese). */
export class RejectsWriter {
  readonly #pending: PendingFile
  readonly #fields: readonly string[]
  readonly #headerOf: ReadonlyMap<string, string>
  #out: WriteStream | undefined

  constructor(path: string, fields: readonly string[], headerOf: ReadonlyMap<string, string>) {
    this.#pending = pendingFile(path)
    this.#fields = fields
    this.#headerOf = headerOf
  }

  /** Records one rejected row and all its issues. */
  async add(row: InputRow, issues: readonly RowIssue[]): Promise<void> {
    if (this.#out === undefined) {
      this.#out = createWriteStream(this.#pending.tempPath)
      await this.#write(`\uFEFF${csvLine(['行号 row', '列 column', '原因 reason', ...this.#fields.map((field) => this.#headerOf.get(field) ?? field)])}`)
    }
    const columns = [...new Set(issues.map((issue) => issue.column))].join('; ')
    const reasons = issues.map((issue) => (issues.length > 1 ? `${issue.column}: ${issue.reason}` : issue.reason)).join('; ')
    await this.#write(csvLine([String(row.rowNumber), columns, reasons, ...this.#fields.map((field) => row.values[field] ?? '')]))
  }

  /** Renames the side file into place; returns its path, or undefined when no row was rejected. */
  async commit(): Promise<string | undefined> {
    if (this.#out === undefined) return undefined
    await this.#close()
    await this.#pending.commit()
    return this.#pending.path
  }

  /** Removes the temporary side file. */
  async discard(): Promise<void> {
    if (this.#out !== undefined) await this.#close()
    await this.#pending.discard()
  }

  #write(text: string): Promise<void> {
    const out = this.#out as WriteStream
    // Respect back-pressure only when the buffer is full: rejected rows are rare.
    return out.write(text) ? Promise.resolve() : new Promise((resolve) => out.once('drain', () => resolve()))
  }

  #close(): Promise<void> {
    const out = this.#out as WriteStream
    return new Promise((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())))
  }
}
