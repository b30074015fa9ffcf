/**
 * A text file written in chunks (文本输出): the writers of CSV, JSON and NDJSON hand it their
 * chunks and never wait for the disk unless its buffer is full.
 * @module
 */
import { createWriteStream, type WriteStream } from 'node:fs'

import { UsageError } from './usageError.js'

/**
 * A file written in chunks without waiting for each to reach the disk: the next chunk is
 * computed while this one is written, and only a full buffer makes the writer wait.
 */
export class TextSink {
  readonly #out: WriteStream
  readonly #target: string
  #error: UsageError | undefined

  /** Writes to `path`; errors name `target`, the output the user asked for. */
  constructor(path: string, target: string) {
    this.#target = target
    this.#out = createWriteStream(path, { highWaterMark: 1024 * 1024 })
    // Kept, not thrown from an event: the next write or the close reports it.
    this.#out.on('error', (error) => {
      this.#error ??= this.#failure(error)
    })
  }

  #failure(cause: Error): UsageError {
    return new UsageError(`无法写入输出 ${this.#target}：${cause.message}`, `cannot write the output ${this.#target}: ${cause.message}`, { cause })
  }

  /** Queues `text`; waits only while the buffer is full. */
  async write(text: string): Promise<void> {
    if (this.#error !== undefined) throw this.#error
    if (this.#out.write(text)) return
    await new Promise<void>((resolve, reject) => {
      const onDrain = (): void => {
        this.#out.off('error', onError)
        resolve()
      }
      const onError = (error: Error): void => {
        this.#out.off('drain', onDrain)
        reject(this.#error ?? this.#failure(error))
      }
      this.#out.once('drain', onDrain)
      this.#out.once('error', onError)
    })
  }

  /** Flushes and closes the file; rejects with the first error of any write. */
  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.#out.destroyed) {
        if (this.#error !== undefined) reject(this.#error)
        else resolve()
        return
      }
      this.#out.end((error?: Error | null) => {
        const failure = this.#error ?? (error ? this.#failure(error) : undefined)
        if (failure !== undefined) reject(failure)
        else resolve()
      })
    })
  }
}
