/**
 * The `kehu` analyst CLI as a library: run the program with your own streams, or build a table
 * command on the same readers and writers.
 * @module
 */
export { allCommands, createProgram, ExitCode, processRuntime, reportFailure, runCli } from './program.js'
export type { CliRuntime, CommandRegistrar, OutputColumn, OutputRow, OutputTable, TableCommand } from './io/command.js'
export { type ColumnMapping, type ColumnSpec, mapColumns, parseMapOverrides } from './io/columns.js'
export { type InputRow, RowError, type RowIssue } from './io/rows.js'
export { UsageError } from './io/usageError.js'
export { type InputFormat, type InputTable, openInput, type ReadOptions } from './io/read.js'
export { type OutputFormat, writeTable, type WriteOptions } from './io/write.js'
export { addTableOptions, readSharedOptions, type SharedOptions } from './io/options.js'
export { runTableCommand, type TableRunSummary } from './io/runTable.js'
export { commissionCommand, registerCommission } from './commission/command.js'
