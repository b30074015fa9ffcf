import type { HolidaySchedule } from '../holidaySchedule.js'

/**
 * China statutory holidays and make-up working days of 2024 (2024年节假日安排及调休上班日), R-CAL-2.
 *
 * Source: 国务院办公厅关于2024年部分节假日安排的通知 (国办发明电〔2023〕7号, published 2023-10-25).
 * Verified day by day against the `chinese-days` package in `holidays.test.ts`.
 *
 * @example
 * CN_2024.holidays[0]?.nameZh //=> '元旦'
 */
export const CN_2024: HolidaySchedule = {
  year: 2024,
  sources: [
    { title: '国务院办公厅关于2024年部分节假日安排的通知', documentNumber: '国办发明电〔2023〕7号', publishedOn: '2023-10-25' },
  ],
  holidays: [
    { nameZh: '元旦', nameEn: "New Year's Day", start: '2024-01-01', end: '2024-01-01', makeUpWorkdays: [] },
    { nameZh: '春节', nameEn: 'Spring Festival', start: '2024-02-10', end: '2024-02-17', makeUpWorkdays: ['2024-02-04', '2024-02-18'] },
    { nameZh: '清明节', nameEn: 'Qingming Festival (Tomb-sweeping Day)', start: '2024-04-04', end: '2024-04-06', makeUpWorkdays: ['2024-04-07'] },
    { nameZh: '劳动节', nameEn: 'Labour Day', start: '2024-05-01', end: '2024-05-05', makeUpWorkdays: ['2024-04-28', '2024-05-11'] },
    { nameZh: '端午节', nameEn: 'Dragon Boat Festival', start: '2024-06-08', end: '2024-06-10', makeUpWorkdays: [] },
    { nameZh: '中秋节', nameEn: 'Mid-Autumn Festival', start: '2024-09-15', end: '2024-09-17', makeUpWorkdays: ['2024-09-14'] },
    { nameZh: '国庆节', nameEn: 'National Day', start: '2024-10-01', end: '2024-10-07', makeUpWorkdays: ['2024-09-29', '2024-10-12'] },
  ],
}
