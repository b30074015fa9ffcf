/**
 * Text encodings of CSV and NDJSON files (文件编码). Office software in China writes CSV in GBK
 * (GB18030) or in UTF-8 with or without a byte-order mark. Detection: a UTF-8 BOM means UTF-8;
 * otherwise the first chunk is decoded as strict UTF-8 and, if that fails, the file is GB18030
 * (a superset of GBK). Byte statistics guess wrong on short GBK samples, a strict decode does not.
 * @module
 */
import { UsageError } from './usageError.js'

/** An encoding the readers accept. `gbk` is read with the GB18030 decoder, its superset. */
export type InputEncoding = 'utf-8' | 'gb18030'

/**
 * Reads an `--encoding` value.
 * @throws {@link UsageError} for an encoding the readers do not support
 */
export function parseEncoding(value: string): InputEncoding {
  const key = value.trim().toLowerCase().replace(/[_\s]/gu, '-')
  if (key === 'utf8' || key === 'utf-8' || key === 'utf-8-bom' || key === 'utf8-bom') return 'utf-8'
  if (key === 'gbk' || key === 'gb2312' || key === 'gb18030' || key === 'cp936') return 'gb18030'
  throw new UsageError(`不支持的编码 ${JSON.stringify(value)}；可用：utf-8、gbk、gb18030`, `unsupported encoding ${JSON.stringify(value)}; use utf-8, gbk or gb18030`)
}

const BOM = [0xef, 0xbb, 0xbf] as const

/** Whether the bytes start with a UTF-8 byte-order mark. */
export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2]
}

/** Detects the encoding of a file from its first chunk. */
export function detectEncoding(firstChunk: Uint8Array): InputEncoding {
  if (hasUtf8Bom(firstChunk)) return 'utf-8'
  try {
    // stream: true lets a multi-byte character cut at the chunk's end pass.
    new TextDecoder('utf-8', { fatal: true }).decode(firstChunk, { stream: true })
    return 'utf-8'
  } catch {
    return 'gb18030'
  }
}

/**
 * Decodes a byte stream to text, detecting the encoding from the first chunk unless one is
 * forced, and dropping a leading BOM.
 * @throws {@link UsageError} when a file read as UTF-8 turns out not to be UTF-8 further on
 */
export async function* decodeText(chunks: AsyncIterable<Uint8Array>, forced: InputEncoding | undefined, onEncoding?: (encoding: InputEncoding) => void): AsyncGenerator<string> {
  let decoder: { decode(input?: Uint8Array, options?: { stream?: boolean }): string } | undefined
  let encoding: InputEncoding | undefined
  let offset = 0
  for await (const chunk of chunks) {
    if (decoder === undefined) {
      encoding = forced ?? detectEncoding(chunk)
      onEncoding?.(encoding)
      // fatal for UTF-8: a GBK file whose first chunk happened to be ASCII must not decode to garbage.
      decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8', ignoreBOM: false })
    }
    let text: string
    try {
      text = decoder.decode(chunk, { stream: true })
    } catch (cause) {
      throw new UsageError(
        `文件在第 ${offset} 字节附近不是有效的 UTF-8；若为 GBK 文件，请加 --encoding gbk`,
        `the file is not valid UTF-8 near byte ${offset}; for a GBK file pass --encoding gbk`,
        { cause },
      )
    }
    offset += chunk.byteLength
    if (text !== '') yield text
  }
  if (decoder !== undefined) {
    const rest = decoder.decode()
    if (rest !== '') yield rest
  }
}
