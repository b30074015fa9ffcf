import type { HolidaySchedule } from '../holidaySchedule.js'

/**
 * China statutory holidays and make-up working days of 2025 (2025年节假日安排及调休上班日), R-CAL-2.
 *
 * Source: 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号, published 2024-11-12).
 * Verified day by day against the `chinese-days` package in `holidays.test.ts`.
 *
 * @example
 * CN_2025.holidays[0]?.nameZh //=> '元旦'
 */
export const CN_2025: HolidaySchedule = {
  year: 2025,
  sources: [
    { title: '国务院办公厅关于2025年部分节假日安排的通知', documentNumber: '国办发明电〔2024〕12号', publishedOn: '2024-11-12' },
  ],
  holidays: [
    { nameZh: '元旦', nameEn: "New Year's Day", start: '2025-01-01', end: '2025-01-01', makeUpWorkdays: [] },
    { nameZh: '春节', nameEn: 'Spring Festival', start: '2025-01-28', end: '2025-02-04', makeUpWorkdays: ['2025-01-26', '2025-02-08'] },
    { nameZh: '清明节', nameEn: 'Qingming Festival (Tomb-sweeping Day)', start: '2025-04-04', end: '2025-04-06', makeUpWorkdays: [] },
    { nameZh: '劳动节', nameEn: 'Labour Day', start: '2025-05-01', end: '2025-05-05', makeUpWorkdays: ['2025-04-27'] },
    { nameZh: '端午节', nameEn: 'Dragon Boat Festival', start: '2025-05-31', end: '2025-06-02', makeUpWorkdays: [] },
    { nameZh: '国庆节、中秋节', nameEn: 'National Day and Mid-Autumn Festival', start: '2025-10-01', end: '2025-10-08', makeUpWorkdays: ['2025-09-28', '2025-10-11'] },
  ],
}
