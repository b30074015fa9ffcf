import { validatePhone } from '../archive/phone.js'
import { ServiceErrorCode, ServiceRefusalCode } from './errors.js'
import { SERVICE_ZONES, type ServiceZone } from './policy.js'
import { invalid, readInstant, readRecord, readText } from './readers.js'
import type { ServiceType } from './serviceType.js'
import type { ServiceRefusal, ServiceTicket, ServiceTicketResult } from './ticket.js'

const RULE = 'R-SVC-2'

/** A repair call as the clerk enters it in the call register (叫修登记薄). */
export interface ServiceCallInput {
  /** Ticket id chosen by the application. */
  readonly id: string
  readonly customerId: string
  /** 客户名称 */
  readonly customerName: string
  /** 地址 */
  readonly address: string
  /** 电话: a mobile or a landline with area code (validated by the archive's `validatePhone`). */
  readonly phone: string
  /** 商品型号 */
  readonly productModel: string
  readonly zone: ServiceZone
  /** From {@link serviceType} at the call time. */
  readonly serviceType: ServiceType
  /** 叫修时间 */
  readonly callAt: Date
  /** Who registered the call (业务员), for the history. */
  readonly registeredBy?: string
}

type Issue = NonNullable<ServiceRefusal['issues']>[number]

/**
 * R-SVC-2 Registers a repair call (叫修登记): customer name, address, phone and product model are
 * required and the phone must be a valid mobile or landline; what the clerk typed wrong is
 * returned as a refusal listing every issue, never thrown. Malformed program data (ids, zone, type,
 * call time) is thrown.
 *
 * @throws {@link ServiceInputError} `SERVICE.INVALID_RECORD`, `SERVICE.INVALID_TICKET`, `SERVICE.INVALID_INSTANT`
 *
 * @example
 * const result = registerServiceCall({ id: 'T1', customerId: 'C1', customerName: '宁波某机械厂', address: '宁波市江北区…',
 *   phone: '0574-87654321', productModel: 'NB-200', zone: 'urban', serviceType: 'A', callAt: shanghaiInstant('2026-09-30', '16:30') })
 * result.ok && result.ticket.state //=> 'registered'
 * registerServiceCall({ …, phone: '12345' }).ok //=> false (SERVICE.INCOMPLETE_REGISTRATION, issue on 'phone')
 */
export function registerServiceCall(input: ServiceCallInput): ServiceTicketResult {
  const record = readRecord(input, 'call', RULE)
  const id = readText(record['id'], 'call.id', RULE)
  const customerId = readText(record['customerId'], 'call.customerId', RULE)
  const zone = record['zone']
  if (!(SERVICE_ZONES as readonly unknown[]).includes(zone)) {
    throw invalid(ServiceErrorCode.INVALID_TICKET, 'call.zone', 'must be urban or suburban', '必须是 urban（市区）或 suburban（郊区）', zone, RULE)
  }
  const type = record['serviceType']
  if (type !== 'A' && type !== 'B' && type !== 'C') {
    throw invalid(ServiceErrorCode.INVALID_TICKET, 'call.serviceType', 'must be A, B or C', '必须是 A、B 或 C', type, RULE)
  }
  const callAt = readInstant(record['callAt'], 'call.callAt', RULE)
  const registeredBy = record['registeredBy'] === undefined ? undefined : readText(record['registeredBy'], 'call.registeredBy', RULE)

  const issues: Issue[] = []
  const required = (field: 'customerName' | 'address' | 'productModel', en: string, zh: string): string => {
    const value = record[field]
    if (typeof value === 'string' && value.trim() !== '') return value.trim()
    issues.push({ field, code: 'SERVICE.REQUIRED_FIELD', messageEn: `${field}: the ${en} is required`, messageZh: `${field}：必须登记${zh}` })
    return ''
  }
  const customerName = required('customerName', 'customer name', '客户名称')
  const address = required('address', 'address', '地址')
  const productModel = required('productModel', 'product model', '商品型号')
  const phone = validatePhone(record['phone'], 'phone')
  if (!phone.ok) issues.push(phone.issue)
  if (!phone.ok || issues.length > 0) {
    return {
      ok: false,
      refusal: {
        code: ServiceRefusalCode.INCOMPLETE_REGISTRATION,
        ruleId: RULE,
        messageEn: `the repair call cannot be registered: ${issues.map((issue) => issue.field).join(', ')} missing or invalid`,
        messageZh: `叫修登记不完整：${issues.map((issue) => issue.field).join('、')} 缺失或无效`,
        issues,
      },
    }
  }
  const ticket: ServiceTicket = {
    id,
    customerId,
    customerName,
    address,
    phone: phone.value.normalised,
    productModel,
    zone: zone as ServiceZone,
    serviceType: type,
    callAt,
    state: 'registered',
    history: [{ type: 'registered', at: callAt, ...(registeredBy === undefined ? {} : { actorId: registeredBy }) }],
  }
  return { ok: true, ticket }
}
