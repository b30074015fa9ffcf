import type { CivilDay } from '../calendar/civilDay.js'
import { toShanghaiDay } from '../calendar/shanghaiTime.js'
import { ServiceErrorCode } from './errors.js'
import { type CoveragePrecedence, defaultServicePolicy, readServicePolicy, type ServicePolicy } from './policy.js'
import { invalid, readDay, readInstant, readRecord } from './readers.js'

const RULE = 'R-SVC-1'

/** Service type (服务类别): A 有费 paid, B 合同 under a maintenance contract, C 免费 free under warranty. */
export type ServiceType = 'A' | 'B' | 'C'

/**
 * Chinese names of the service types.
 * @example
 * SERVICE_TYPE_NAMES_ZH.A //=> '有费服务'
 */
export const SERVICE_TYPE_NAMES_ZH: Readonly<Record<ServiceType, string>> = Object.freeze({ A: '有费服务', B: '合同服务', C: '免费服务' })

/** A product's coverage: warranty and maintenance contract, each optional; all days inclusive. */
export interface ProductCoverage {
  /** Last day of the free warranty (免费保证期截止日), inclusive. */
  readonly warrantyUntil?: CivilDay
  /** The maintenance contract (保养合同) period, both days inclusive. */
  readonly maintenanceContract?: { readonly from: CivilDay; readonly to: CivilDay }
}

/** The service type of a call with its reason. */
export interface ServiceTypeVerdict {
  readonly ruleId: 'R-SVC-1'
  readonly type: ServiceType
  readonly nameZh: string
  /** Which coverages apply on the call's Shanghai day. */
  readonly coveredBy: { readonly warranty: boolean; readonly contract: boolean }
  readonly reason: { readonly code: string; readonly messageZh: string; readonly messageEn: string }
}

/**
 * R-SVC-1 The service type of a repair call from the product's coverage on the call's
 * Asia/Shanghai day: under warranty → C 免费; under a maintenance contract → B 合同; neither → A
 * 有费. When both apply, `coveragePrecedence` decides (**default** `warrantyFirst`: C).
 *
 * @throws {@link ServiceInputError} `SERVICE.INVALID_RECORD`, `SERVICE.INVALID_DAY`, `SERVICE.INVALID_PERIOD`, `SERVICE.INVALID_INSTANT`
 *
 * @example
 * serviceType({ warrantyUntil: '2026-12-31' }, shanghaiInstant('2026-10-08', '10:00')).type //=> 'C'
 * serviceType({ warrantyUntil: '2025-12-31', maintenanceContract: { from: '2026-01-01', to: '2026-12-31' } },
 *   shanghaiInstant('2026-10-08', '10:00')).type //=> 'B'
 * serviceType({}, shanghaiInstant('2026-10-08', '10:00')).type //=> 'A'
 */
export function serviceType(coverage: ProductCoverage, callAt: Date, policy: ServicePolicy = defaultServicePolicy): ServiceTypeVerdict {
  const rules = readServicePolicy(policy)
  const record = readRecord(coverage, 'coverage', RULE)
  const day = toShanghaiDay(readInstant(callAt, 'callAt', RULE))
  const warrantyUntil = record['warrantyUntil'] === undefined ? undefined : readDay(record['warrantyUntil'], 'coverage.warrantyUntil', RULE)
  let contract: { from: CivilDay; to: CivilDay } | undefined
  if (record['maintenanceContract'] !== undefined) {
    const period = readRecord(record['maintenanceContract'], 'coverage.maintenanceContract', RULE)
    const from = readDay(period['from'], 'coverage.maintenanceContract.from', RULE)
    const to = readDay(period['to'], 'coverage.maintenanceContract.to', RULE)
    if (to < from) {
      throw invalid(ServiceErrorCode.INVALID_PERIOD, 'coverage.maintenanceContract.to', `must not be before from (${from})`, `不能早于合同开始日 ${from}`, to, RULE)
    }
    contract = { from, to }
  }
  const warranty = warrantyUntil !== undefined && day <= warrantyUntil
  const underContract = contract !== undefined && contract.from <= day && day <= contract.to
  const type = decide(warranty, underContract, rules.coveragePrecedence)
  return { ruleId: RULE, type, nameZh: SERVICE_TYPE_NAMES_ZH[type], coveredBy: { warranty, contract: underContract }, reason: reasonFor(type, warranty, underContract, day) }
}

function decide(warranty: boolean, contract: boolean, precedence: CoveragePrecedence): ServiceType {
  if (warranty && contract) return precedence === 'warrantyFirst' ? 'C' : 'B'
  if (warranty) return 'C'
  if (contract) return 'B'
  return 'A'
}

function reasonFor(type: ServiceType, warranty: boolean, contract: boolean, day: CivilDay): ServiceTypeVerdict['reason'] {
  const both = warranty && contract
  if (type === 'C') {
    return {
      code: 'SERVICE.UNDER_WARRANTY',
      messageEn: `on ${day} the product is under warranty${both ? ' (and under a maintenance contract; the warranty comes first)' : ''}: free service (C)`,
      messageZh: `${day} 商品在免费保证期内${both ? '（同时在保养合同期内，保修优先）' : ''}：免费服务（C）`,
    }
  }
  if (type === 'B') {
    return {
      code: 'SERVICE.UNDER_CONTRACT',
      messageEn: `on ${day} the product is under a maintenance contract${both ? ' (and under warranty; the policy puts the contract first)' : ''}: contract service (B)`,
      messageZh: `${day} 商品在保养合同期内${both ? '（同时在保修期内，按政策合同优先）' : ''}：合同服务（B）`,
    }
  }
  return {
    code: 'SERVICE.NOT_COVERED',
    messageEn: `on ${day} the product is neither under warranty nor under a maintenance contract: paid service (A)`,
    messageZh: `${day} 商品既不在免费保证期内也不在保养合同期内：有费服务（A）`,
  }
}
