import { readStaff, type Staff } from '../staff/staff.js'
import { ApprovalErrorCode, approvalInputError } from './errors.js'
import { readDate } from './instant.js'

/** Reads the common fields of a decision or withdrawal. @internal */
export function readAction(
  value: unknown,
  field: string,
): { record: Record<string, unknown>; actor: Staff; at: Date; comment: string | undefined } {
  const record = actionObject(value, field)
  const actor = readStaff(record['actor'], `${field}.actor`)
  const at = readDate(record['at'], `${field}.at`, ApprovalErrorCode.INVALID_ACTION)
  const comment = record['comment']
  if (comment !== undefined && typeof comment !== 'string') invalidAction(`${field}.comment`, 'must be a text when given', '如提供则必须是文本', comment)
  return { record, actor, at, comment }
}

/** @internal */
export function actionObject(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) invalidAction(field, 'must be an object', '必须是对象', value)
  return value as Record<string, unknown>
}

/** @internal */
export function invalidAction(field: string, en: string, zh: string, value: unknown): never {
  throw approvalInputError(ApprovalErrorCode.INVALID_ACTION, field, en, zh, value)
}
