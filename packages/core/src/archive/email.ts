import { ArchiveErrorCode } from './errors.js'
import { type FieldVerdict, fail, pass, readText, unwrapVerdict } from './verdict.js'

/** Longest accepted address (RFC 5321 path limit minus the angle brackets). */
export const EMAIL_MAX_LENGTH = 254
/** Longest accepted local part (RFC 5321). */
export const EMAIL_LOCAL_PART_MAX_LENGTH = 64

const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/u
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u

/**
 * R-ARC-4 Validates an email address (电子邮箱) with a practical check, **not** full RFC 5322
 * (no quoted local parts, comments or IP-literal domains — none of which belong in a customer
 * archive):
 * - full-width to half-width (so `＠` is `@`) and trimmed; the domain is lower-cased, the local
 *   part kept as written;
 * - exactly one `@`, no whitespace; at most 254 characters, local part at most 64;
 * - local part: ASCII letters, digits and ``!#$%&'*+/=?^_`{|}~-``, dots only between them;
 * - domain: at least two dot-separated labels of letters (any script, so 中文域名 are accepted),
 *   digits and inner hyphens, each at most 63 characters; the last label is not all digits.
 *
 * @param field - the field named in the issue, **default** `email`
 *
 * @example
 * validateEmail('Zhang.San@Example.COM') //=> { ok: true, value: 'Zhang.San@example.com' }
 * validateEmail('zhangsan@localhost').ok //=> false (ARCHIVE.EMAIL_DOMAIN)
 */
export function validateEmail(value: unknown, field = 'email'): FieldVerdict<string> {
  const text = readText(value, field, 'the email address', '电子邮箱')
  if (!text.ok) return text
  const email = text.value
  const parts = email.split('@')
  if (parts.length !== 2 || /\s/u.test(email)) {
    return fail(
      ArchiveErrorCode.EMAIL_FORMAT,
      field,
      `${field}: an email address has exactly one @ and no spaces, got ${JSON.stringify(email)}`,
      `${field}：电子邮箱应恰好包含一个 @ 且不含空格，实际为 ${JSON.stringify(email)}`,
    )
  }
  const local = parts[0] ?? ''
  const domain = (parts[1] ?? '').toLowerCase()
  if (email.length > EMAIL_MAX_LENGTH || local.length > EMAIL_LOCAL_PART_MAX_LENGTH) {
    return fail(
      ArchiveErrorCode.EMAIL_TOO_LONG,
      field,
      `${field}: an email address has at most ${EMAIL_MAX_LENGTH} characters and a local part at most ${EMAIL_LOCAL_PART_MAX_LENGTH}, got ${email.length} and ${local.length}`,
      `${field}：电子邮箱最多 ${EMAIL_MAX_LENGTH} 个字符、用户名最多 ${EMAIL_LOCAL_PART_MAX_LENGTH} 个字符，实际为 ${email.length} 和 ${local.length}`,
    )
  }
  if (!LOCAL_PART.test(local)) {
    return fail(
      ArchiveErrorCode.EMAIL_LOCAL_PART,
      field,
      `${field}: the part before @ (${JSON.stringify(local)}) must be letters, digits or !#$%&'*+/=?^_\`{|}~- with single dots between them`,
      `${field}：@ 之前的用户名（${JSON.stringify(local)}）只能由字母、数字或 !#$%&'*+/=?^_\`{|}~- 组成，点号只能出现在中间且不能连续`,
    )
  }
  const labels = domain.split('.')
  const last = labels[labels.length - 1] ?? ''
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label)) || /^\d+$/u.test(last)) {
    return fail(
      ArchiveErrorCode.EMAIL_DOMAIN,
      field,
      `${field}: the part after @ (${JSON.stringify(domain)}) must be a domain with a dot, such as example.com`,
      `${field}：@ 之后的域名（${JSON.stringify(domain)}）应为含点号的域名，如 example.com`,
    )
  }
  return pass(`${local}@${domain}`)
}

/**
 * R-ARC-4 Like {@link validateEmail}, but returns the normalised address or throws.
 * @throws {@link InvalidArchiveFieldError} with the code and `field`
 *
 * @example
 * assertEmail('sales＠example.cn') //=> 'sales@example.cn'
 */
export function assertEmail(value: unknown, field = 'email'): string {
  return unwrapVerdict(validateEmail(value, field), value)
}
