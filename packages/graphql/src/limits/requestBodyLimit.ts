import { GraphQLError } from 'graphql'
import type { FetchAPI, Plugin } from 'graphql-yoga'

/** The error code (`extensions.code`) of a request whose body is larger than the limit. */
export const REQUEST_TOO_LARGE = 'REQUEST_TOO_LARGE'

function tooLarge(limit: number): GraphQLError {
  return new GraphQLError(`The request body is larger than ${limit} bytes`, { extensions: { code: REQUEST_TOO_LARGE, limit, http: { status: 413 } } })
}

function badLength(value: string): GraphQLError {
  return new GraphQLError(`Content-Length must be one whole number of bytes, got ${JSON.stringify(value)}`, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } })
}

/**
 * Refuses a request body larger than `limit` bytes with HTTP 413 before anything is parsed.
 *
 * A body that declares its `Content-Length` is checked on the header alone: the HTTP parser never
 * delivers more bytes than declared. Only a body without one (chunked) is counted while it is read.
 * The per-request stream and abort signal that counting needs cost more than the rest of a small
 * request, so the common, declared case skips it; yoga's own limit (which counts every body) is
 * turned off in favour of this one.
 */
export function requestBodyLimitPlugin(limit: number): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const declared = request.headers.get('content-length')
      if (declared !== null) {
        if (!/^\d+$/.test(declared)) throw badLength(declared)
        if (Number(declared) > limit) throw tooLarge(limit)
        return
      }
      if (requestParser === undefined || request.body === null) return
      const parse = requestParser
      setRequestParser((original) => parse(withCountedBody(original, limit, fetchAPI)))
    },
  }
}

/** `request` with its body cut off by an error once more than `limit` bytes have been read. */
function withCountedBody(request: Request, limit: number, fetchAPI: FetchAPI): Request {
  let read = 0
  // A body from the platform's own fetch (yoga.fetch with a global Request) pipes through the
  // platform's TransformStream; one from yoga's Node adapter through the adapter's.
  const Transform = request.body instanceof ReadableStream ? TransformStream : fetchAPI.TransformStream
  const counted = request.body!.pipeThrough(
    new Transform<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        read += chunk.byteLength
        if (read > limit) controller.error(tooLarge(limit))
        else controller.enqueue(chunk)
      },
    }),
  )
  return new fetchAPI.Request(request.url, { method: request.method, headers: request.headers, signal: request.signal, body: counted, duplex: 'half' } as RequestInit)
}
