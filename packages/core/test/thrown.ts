import { KehuError } from '../src/errors.js'

/**
 * Runs `run`, expecting it to throw a {@link KehuError} (of class `kind` when given), and returns
 * the error so a test can assert its code, field and messages. Fails the test when nothing is
 * thrown or something else is.
 */
export function thrown<T extends KehuError = KehuError>(run: () => unknown, kind?: abstract new (...args: never[]) => T): T {
  try {
    run()
  } catch (error) {
    const expected = kind ?? KehuError
    if (error instanceof expected) return error as T
    throw new Error(`expected a ${expected.name}, got ${String(error)}`, { cause: error })
  }
  throw new Error(`expected a ${(kind ?? KehuError).name} to be thrown, but nothing was`)
}
