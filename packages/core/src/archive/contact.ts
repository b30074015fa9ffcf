import { type CivilDay, isCivilDay } from '../calendar/civilDay.js'
import { validateEmail } from './email.js'
import { CONTACT_FIELDS } from './fields.js'
import { validatePhone } from './phone.js'
import { ArchiveRecordErrorCode, InvalidArchiveRecordError } from './recordErrors.js'
import {
  type FieldSpec,
  IssueList,
  isBlankOrAbsent,
  joinPath,
  readBoolean,
  readCivilDayField,
  readRecord,
  type RecordIssue,
  readText,
  takeVerdict,
} from './recordIssues.js'
import { InvalidArchiveInputError } from './errors.js'
import { describeValue } from './verdict.js'

/**
 * A validated contact of a customer (联系人, R-ARC-2). Texts are trimmed; phone and email are
 * normalised (R-ARC-4); the two flags are always present (absent in the input means `false`).
 */
export interface Contact {
  /** Identifier chosen by the application, when given. */
  readonly id?: string
  /** 姓名 (required). */
  readonly name: string
  /** 职位. */
  readonly position?: string
  /** 电话, normalised: `13812345678` or `0755-1234567`. */
  readonly phone?: string
  /** 电子邮箱, domain lower-cased. */
  readonly email?: string
  /** 教育经历. */
  readonly education?: string
  /** 出生日期, `YYYY-MM-DD`. */
  readonly birthDate?: CivilDay
  /** 兴趣爱好. */
  readonly interests?: string
  /** 家庭情况. */
  readonly family?: string
  /** 决策人: makes or signs the purchasing decision. */
  readonly isDecisionMaker: boolean
  /** 影响者: influences the decision without making it. */
  readonly isInfluencer: boolean
}

/** The verdict of {@link readContact}: the contact, or every issue found. */
export type ContactVerdict = { readonly ok: true; readonly contact: Contact } | { readonly ok: false; readonly issues: readonly RecordIssue[] }

const CONTACT_KEYS: readonly string[] = ['id', ...CONTACT_FIELDS]

const LABELS = {
  id: ['the contact id', '联系人编号'],
  name: ['the contact name', '联系人姓名'],
  position: ['the position', '职位'],
  education: ['the education', '教育经历'],
  birthDate: ['the birth date', '出生日期'],
  interests: ['the interests', '兴趣爱好'],
  family: ['the family situation', '家庭情况'],
  isDecisionMaker: ['the decision-maker flag', '决策人标记'],
  isInfluencer: ['the influencer flag', '影响者标记'],
} as const

function spec(path: string, key: keyof typeof LABELS): FieldSpec {
  return { field: joinPath(path, key), labelEn: LABELS[key][0], labelZh: LABELS[key][1] }
}

/**
 * Reads a contact into `issues` (used alone and inside an archive record, path `contacts[i]`).
 * @internal
 */
export function readContactInto(value: unknown, path: string, issues: IssueList, asOf: CivilDay | undefined): Contact | undefined {
  const before = issues.count
  const record = readRecord(value, path, issues, CONTACT_KEYS, 'a contact', '联系人')
  if (record === undefined) return undefined
  const id = readText(record['id'], spec(path, 'id'), issues, false)
  const name = readText(record['name'], spec(path, 'name'), issues, true)
  const position = readText(record['position'], spec(path, 'position'), issues, false)
  const phoneField = joinPath(path, 'phone')
  const phone = isBlankOrAbsent(record['phone']) ? undefined : takeVerdict(validatePhone(record['phone'], phoneField), issues)?.normalised
  const emailField = joinPath(path, 'email')
  const email = isBlankOrAbsent(record['email']) ? undefined : takeVerdict(validateEmail(record['email'], emailField), issues)
  const education = readText(record['education'], spec(path, 'education'), issues, false)
  const birthSpec = spec(path, 'birthDate')
  const birthDate = readCivilDayField(record['birthDate'], birthSpec, issues, false)
  // R-ARC-2: a birth date cannot lie after the day the record is read on.
  if (birthDate !== undefined && asOf !== undefined && birthDate > asOf) {
    issues.add(
      birthSpec.field,
      'BIRTH_DATE_IN_FUTURE',
      `${birthSpec.field}: the birth date ${birthDate} is after ${asOf}`,
      `${birthSpec.field}：出生日期 ${birthDate} 晚于 ${asOf}`,
    )
  }
  const interests = readText(record['interests'], spec(path, 'interests'), issues, false)
  const family = readText(record['family'], spec(path, 'family'), issues, false)
  const isDecisionMaker = readBoolean(record['isDecisionMaker'], spec(path, 'isDecisionMaker'), issues) ?? false
  const isInfluencer = readBoolean(record['isInfluencer'], spec(path, 'isInfluencer'), issues) ?? false
  if (issues.count !== before || name === undefined) return undefined
  return Object.freeze({
    ...(id === undefined ? {} : { id }),
    name,
    ...(position === undefined ? {} : { position }),
    ...(phone === undefined ? {} : { phone }),
    ...(email === undefined ? {} : { email }),
    ...(education === undefined ? {} : { education }),
    ...(birthDate === undefined ? {} : { birthDate }),
    ...(interests === undefined ? {} : { interests }),
    ...(family === undefined ? {} : { family }),
    isDecisionMaker,
    isInfluencer,
  })
}

/** Validates the optional `asOf` argument. @internal */
export function readAsOf(asOf: unknown): CivilDay | undefined {
  if (asOf === undefined) return undefined
  if (!isCivilDay(asOf)) {
    throw new InvalidArchiveInputError({
      code: ArchiveRecordErrorCode.INVALID_ARGUMENT,
      field: 'asOf',
      messageEn: `asOf must be an existing date written YYYY-MM-DD, got ${describeValue(asOf)}`,
      messageZh: `asOf 必须是 YYYY-MM-DD 格式的有效日期，实际为 ${describeValue(asOf)}`,
      details: { value: describeValue(asOf) },
    })
  }
  return asOf
}

/**
 * R-ARC-2 Reads a contact (联系人) and reports **every** issue at once: name required; position,
 * phone (mobile or landline, R-ARC-4), email (R-ARC-4), education, birth date (`YYYY-MM-DD`, not
 * after `asOf` when given), interests, family, the decision-maker (决策人) and influencer flags.
 * Unknown keys are issues (`ARCHIVE.UNKNOWN_FIELD`); an optional `id` is allowed. Empty strings
 * count as "not given" for optional fields.
 *
 * @param asOf - the day the record is read on (the caller's today), to refuse future birth dates
 * @throws {@link InvalidArchiveInputError} `ARCHIVE.INVALID_ARGUMENT` (field `asOf`) for a malformed `asOf`
 *
 * @example
 * readContact({ name: '张伟', phone: '+86 138-1234-5678', isDecisionMaker: true })
 * //=> { ok: true, contact: { name: '张伟', phone: '13812345678', isDecisionMaker: true, isInfluencer: false } }
 * readContact({ phone: '123', birthDate: '2030-01-01' }, '2026-09-25').ok //=> false (3 issues: name, phone, birthDate)
 */
export function readContact(input: unknown, asOf?: CivilDay): ContactVerdict {
  const day = readAsOf(asOf)
  const issues = new IssueList('ARCHIVE')
  const contact = readContactInto(input, '', issues, day)
  if (contact === undefined) return Object.freeze({ ok: false, issues: issues.frozen() })
  return Object.freeze({ ok: true, contact })
}

/**
 * R-ARC-2 Like {@link readContact}, but returns the contact or throws.
 * @throws {@link InvalidArchiveRecordError} `ARCHIVE.INVALID_RECORD` listing every issue
 *
 * @example
 * assertContact({ name: ' 李娜 ' }).name //=> '李娜'
 */
export function assertContact(input: unknown, asOf?: CivilDay): Contact {
  const verdict = readContact(input, asOf)
  if (verdict.ok) return verdict.contact
  throw new InvalidArchiveRecordError(verdict.issues, 'R-ARC-2', 'the contact', '联系人')
}
