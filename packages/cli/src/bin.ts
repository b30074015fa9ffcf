#!/usr/bin/env node
/**
 * The `kehu` executable.
 * @module
 */
import { processRuntime, runCli } from './program.js'

process.exitCode = await runCli(process.argv.slice(2), processRuntime())
