/**
 * kehu 客户 — a Chinese company's customer-management regulations as executable rules.
 *
 * Each area is also available on its own subpath (`@kehu/core/money`, `@kehu/core/calendar`, …).
 * @module
 */
export * from './errors.js'
export * from './money/index.js'
export * from './policy/index.js'
export * from './calendar/index.js'
export * from './staff/index.js'
export * from './archive/index.js'
export * from './tiering/index.js'
export * from './commission/index.js'
export * from './kpi/index.js'
export * from './approval/index.js'
export * from './lifecycle/index.js'
export * from './ownership/index.js'
export * from './visits/index.js'
export * from './contracts/index.js'
export * from './service/index.js'
export * from './expenses/index.js'
export * from './access/index.js'
