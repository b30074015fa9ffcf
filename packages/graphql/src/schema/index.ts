import './scalars.js'
import './errors.js'
import './staff.js'
import './customer.js'
import './registerCustomer.js'
import './ownership.js'
import './pool.js'
import './serviceTicket.js'
import './expenseClaim.js'
import './visit.js'
import './contract.js'
import './approval.js'
import './lifecycle.js'
import './commission.js'
import './kpi.js'
import './kpiPlans.js'
import './timeline.js'

import { builder } from './builder.js'

builder.queryType({ authScopes: { authenticated: true } })
builder.mutationType({ authScopes: { authenticated: true } })

export const schema = builder.toSchema({ sortSchema: true })
