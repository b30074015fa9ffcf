import type { HolidaySchedule } from '../holidaySchedule.js'

/**
 * China statutory holidays and make-up working days of 2023 (2023年节假日安排及调休上班日), R-CAL-2.
 *
 * Source: 国务院办公厅关于2023年部分节假日安排的通知 (国办发明电〔2022〕16号, published 2022-12-08).
 * Verified day by day against the `chinese-days` package in `holidays.test.ts`.
 *
 * @example
 * CN_2023.holidays[0]?.nameZh //=> '元旦'
 */
export const CN_2023: HolidaySchedule = {
  year: 2023,
  sources: [
    { title: '国务院办公厅关于2023年部分节假日安排的通知', documentNumber: '国办发明电〔2022〕16号', publishedOn: '2022-12-08' },
  ],
  holidays: [
    { nameZh: '元旦', nameEn: "New Year's Day", start: '2022-12-31', end: '2023-01-02', makeUpWorkdays: [] },
    { nameZh: '春节', nameEn: 'Spring Festival', start: '2023-01-21', end: '2023-01-27', makeUpWorkdays: ['2023-01-28', '2023-01-29'] },
    { nameZh: '清明节', nameEn: 'Qingming Festival (Tomb-sweeping Day)', start: '2023-04-05', end: '2023-04-05', makeUpWorkdays: [] },
    { nameZh: '劳动节', nameEn: 'Labour Day', start: '2023-04-29', end: '2023-05-03', makeUpWorkdays: ['2023-04-23', '2023-05-06'] },
    { nameZh: '端午节', nameEn: 'Dragon Boat Festival', start: '2023-06-22', end: '2023-06-24', makeUpWorkdays: ['2023-06-25'] },
    { nameZh: '中秋节、国庆节', nameEn: 'Mid-Autumn Festival and National Day', start: '2023-09-29', end: '2023-10-06', makeUpWorkdays: ['2023-10-07', '2023-10-08'] },
  ],
}
