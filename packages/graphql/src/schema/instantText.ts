/**
 * `date.toISOString()` (`"2026-03-02T02:00:00.000Z"`), written from the date's UTC fields: V8's own
 * formatting costs about three times as much, and a page writes one instant per row. Years outside
 * 1000–9999, which ISO writes with a sign or padding, and invalid dates (a `RangeError`) are left
 * to `toISOString`.
 */
export function instantText(date: Date): string {
  const year = date.getUTCFullYear()
  if (!(year >= 1000 && year <= 9999)) return date.toISOString()
  return `${year}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}T${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}.${three(date.getUTCMilliseconds())}Z`
}

const two = (n: number): string => (n < 10 ? `0${n}` : `${n}`)
const three = (n: number): string => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`)
