import type { HolidaySchedule } from '../holidaySchedule.js'

/**
 * China statutory holidays and make-up working days of 2026 (2026年节假日安排及调休上班日), R-CAL-2.
 *
 * Source: 国务院办公厅关于2026年部分节假日安排的通知 (国办发明电〔2025〕7号, published 2025-11-04).
 * Verified day by day against the `chinese-days` package in `holidays.test.ts`.
 *
 * @example
 * CN_2026.holidays[0]?.nameZh //=> '元旦'
 */
export const CN_2026: HolidaySchedule = {
  year: 2026,
  sources: [
    { title: '国务院办公厅关于2026年部分节假日安排的通知', documentNumber: '国办发明电〔2025〕7号', publishedOn: '2025-11-04' },
  ],
  holidays: [
    { nameZh: '元旦', nameEn: "New Year's Day", start: '2026-01-01', end: '2026-01-03', makeUpWorkdays: ['2026-01-04'] },
    { nameZh: '春节', nameEn: 'Spring Festival', start: '2026-02-15', end: '2026-02-23', makeUpWorkdays: ['2026-02-14', '2026-02-28'] },
    { nameZh: '清明节', nameEn: 'Qingming Festival (Tomb-sweeping Day)', start: '2026-04-04', end: '2026-04-06', makeUpWorkdays: [] },
    { nameZh: '劳动节', nameEn: 'Labour Day', start: '2026-05-01', end: '2026-05-05', makeUpWorkdays: ['2026-05-09'] },
    { nameZh: '端午节', nameEn: 'Dragon Boat Festival', start: '2026-06-19', end: '2026-06-21', makeUpWorkdays: [] },
    { nameZh: '中秋节', nameEn: 'Mid-Autumn Festival', start: '2026-09-25', end: '2026-09-27', makeUpWorkdays: [] },
    { nameZh: '国庆节', nameEn: 'National Day', start: '2026-10-01', end: '2026-10-07', makeUpWorkdays: ['2026-09-20', '2026-10-10'] },
  ],
}
