/**
 * Commands registered beside the built-in ones (KPIs, SLA, expenses), each from its own
 * module's `register…` function, in the order they appear in `kehu --help`.
 * @module
 */
import { registerExpensesCommand } from './expenses/expensesCommand.js'
import type { CommandRegistrar } from './io/command.js'
import { registerKpiCommand } from './kpi/kpiCommand.js'
import { registerSlaCommand } from './sla/slaCommand.js'

/** Registrars of the analysis commands other than `commission`. */
export const registerExtraCommands: readonly CommandRegistrar[] = [registerKpiCommand, registerSlaCommand, registerExpensesCommand]
