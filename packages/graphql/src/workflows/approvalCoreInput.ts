import { KehuError } from '@kehu/core'

import { InputRefusal } from '../refusals.js'

/**
 * Runs a core function on input from a request: a {@link KehuError} it throws (core's answer to
 * malformed input: the field, code and both languages) becomes an {@link InputRefusal} returned as
 * data, with the error's rule or `ruleId`. Other errors pass through (they are faults, not input).
 */
export function withCoreInput<T>(ruleId: string, run: () => T): T {
  try {
    return run()
  } catch (error) {
    if (error instanceof KehuError) throw new InputRefusal([{ field: error.field ?? 'input', code: error.code, messageZh: error.messageZh, messageEn: error.messageEn }], error.ruleId ?? ruleId)
    throw error
  }
}
