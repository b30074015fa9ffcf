/**
 * The `kehu` program (分析命令行): its commands, help, and the mapping of every failure to an
 * exit code — 0 ok, 1 data errors (invalid rows, a figure core refuses), 2 usage (bad options,
 * missing file or column).
 * @module
 */
import { KehuError } from '@kehu/core/errors'
import { Command, CommanderError } from 'commander'

import { registerCommission } from './commission/command.js'
import { registerGateway } from './gateway/commands.js'
import type { CliRuntime, CommandRegistrar } from './io/command.js'
import { RowError } from './io/rows.js'
import { UsageError } from './io/usageError.js'

/** Exit codes of `kehu` (退出码). */
export const ExitCode = {
  /** Success. */
  ok: 0,
  /** Data errors: invalid rows, or a figure the rules refuse. */
  dataError: 1,
  /** Usage errors: bad options, a missing file or column. */
  usage: 2,
} as const

/** How many row issues are printed before the rest are only counted. */
const PRINTED_ISSUES = 20

const HELP_AFTER = `
Exit codes 退出码:
  0  ok 成功
  1  data errors 数据错误 (invalid rows, a figure the rules refuse); no output file is written
  2  usage errors 用法错误 (bad option, missing file or column)

Examples:
  $ kehu commission examples/exports/projects-utf8.csv
  $ kehu commission examples/exports/projects-gbk.csv --explain -o statement.xlsx
  $ kehu db migrate && kehu db seed && kehu serve
  $ kehu token staff-zhou
  $ kehu help commission`

/**
 * Every command, in the order of `kehu --help`. The analysis commands other than `commission`
 * load their modules (and the parts of core they use) only when asked for.
 */
export async function allCommands(): Promise<readonly CommandRegistrar[]> {
  const { registerExtraCommands } = await import('./registry.js')
  return [registerCommission, ...registerExtraCommands, registerGateway]
}

/**
 * The commands a command line needs: `kehu commission …` needs only its own, which keeps a large
 * statement's memory free of the rest; anything else (help, other commands, a mistyped name that
 * should get suggestions) gets them all.
 */
async function registrarsFor(argv: readonly string[]): Promise<readonly CommandRegistrar[]> {
  return argv[0] === 'commission' ? [registerCommission] : allCommands()
}

/** Builds the program with the given commands (see {@link allCommands}); commands write to `runtime`'s streams. */
export function createProgram(runtime: CliRuntime, registrars: readonly CommandRegistrar[]): Command {
  const program = new Command('kehu')
  program
    .description('kehu 客户 — 提成、绩效、服务时限与费用检查 / commissions, KPIs, SLA deadlines and expense checks over CSV, Excel, JSON and NDJSON exports; every figure computed by @kehu/core')
    .version('0.1.0', '-V, --version')
    .showHelpAfterError('(kehu --help 查看用法 / for usage)')
    .configureOutput({
      writeOut: (text) => runtime.stdout.write(text),
      writeErr: (text) => runtime.stderr.write(text),
    })
    .exitOverride()
    .addHelpText('after', HELP_AFTER)
  for (const register of registrars) register(program, runtime)
  // Subcommands inherit the output and exit settings only from settings made before they are
  // added; make sure every one of them throws instead of exiting.
  for (const command of program.commands) command.exitOverride().configureOutput(program.configureOutput())
  return program
}

/**
 * Runs `kehu` with `argv` (the arguments after the program name) and returns the exit code.
 * Never exits the process itself.
 */
export async function runCli(argv: readonly string[], runtime: CliRuntime): Promise<number> {
  let code: number = ExitCode.ok
  const program = createProgram({ ...runtime, setExitCode: (value) => (code = value) }, await registrarsFor(argv))
  try {
    await program.parseAsync([...argv], { from: 'user' })
    return code
  } catch (error) {
    return reportFailure(error, runtime)
  }
}

/** Prints a failure to stderr and returns its exit code. */
export function reportFailure(error: unknown, runtime: CliRuntime): number {
  const err = runtime.stderr
  if (error instanceof CommanderError) {
    // Help and version end through here too, with exit code 0; commander has printed the message.
    return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage
  }
  if (error instanceof UsageError) {
    err.write(`kehu: ${error.messageZh}\nkehu: ${error.messageEn}\n`)
    return ExitCode.usage
  }
  if (error instanceof RowError) {
    err.write(`kehu: 数据有误，未写出任何结果（${error.total} 个问题）/ invalid rows, nothing written (${error.total} issue(s)):\n`)
    for (const issue of error.issues.slice(0, PRINTED_ISSUES)) {
      err.write(`  第 ${issue.rowNumber} 行 row ${issue.rowNumber} · ${issue.column}: ${issue.reason}\n`)
    }
    if (error.total > PRINTED_ISSUES) err.write(`  … 另有 ${error.total - PRINTED_ISSUES} 个问题 / ${error.total - PRINTED_ISSUES} more\n`)
    err.write('kehu: 可加 --skip-invalid 跳过无效行并写出明细 / pass --skip-invalid to skip them and write them to a side file\n')
    return ExitCode.dataError
  }
  if (error instanceof KehuError) {
    err.write(`kehu: ${error.messageZh}\nkehu: ${error.messageEn}${error.ruleId === undefined ? '' : ` (${error.ruleId})`}\n`)
    return ExitCode.dataError
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error)
  err.write(`kehu: 意外错误 / unexpected error: ${message}\n`)
  return ExitCode.dataError
}

/** The runtime of a real process. */
export function processRuntime(): CliRuntime {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    cwd: process.cwd(),
    env: process.env,
    setExitCode: (code) => {
      process.exitCode = code
    },
  }
}
