/**
 * A progress bar on stderr (进度条), shown only when stderr is a terminal: piped or captured
 * stderr stays free of control characters.
 * @module
 */

/** A progress reporter. */
export interface Progress {
  /** Reports the fraction done, 0..1. */
  update(fraction: number): void
  /** Clears the bar. */
  done(): void
}

const SILENT: Progress = { update: () => undefined, done: () => undefined }

/** A bar redrawn at most every 100 ms, or a silent reporter when `stream` is not a terminal. */
export function createProgress(stream: NodeJS.WritableStream & { readonly isTTY?: boolean; readonly columns?: number }, label: string): Progress {
  if (stream.isTTY !== true) return SILENT
  let last = 0
  let shown = false
  return {
    update(fraction) {
      const now = Date.now()
      if (now - last < 100 && fraction < 1) return
      last = now
      const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - label.length - 10))
      const filled = Math.round(width * Math.min(1, Math.max(0, fraction)))
      stream.write(`\r${label} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${Math.floor(fraction * 100)}%`)
      shown = true
    },
    done() {
      if (shown) stream.write('\r\u001b[2K')
      shown = false
    },
  }
}
