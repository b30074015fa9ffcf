import { lexicographicSortSchema, printSchema } from 'graphql'

import { schema } from './index.js'

/** The SDL checked in as `schema.graphql`. */
export function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`
}
