import type { HolidaySchedule } from '../holidaySchedule.js'

/**
 * China statutory holidays and make-up working days of 2022 (2022年节假日安排及调休上班日), R-CAL-2.
 *
 * Source: 国务院办公厅关于2022年部分节假日安排的通知 (国办发明电〔2021〕11号, published 2021-10-25).
 * Verified day by day against the `chinese-days` package in `holidays.test.ts`.
 *
 * @example
 * CN_2022.holidays[0]?.nameZh //=> '元旦'
 */
export const CN_2022: HolidaySchedule = {
  year: 2022,
  sources: [
    { title: '国务院办公厅关于2022年部分节假日安排的通知', documentNumber: '国办发明电〔2021〕11号', publishedOn: '2021-10-25' },
  ],
  holidays: [
    { nameZh: '元旦', nameEn: "New Year's Day", start: '2022-01-01', end: '2022-01-03', makeUpWorkdays: [] },
    { nameZh: '春节', nameEn: 'Spring Festival', start: '2022-01-31', end: '2022-02-06', makeUpWorkdays: ['2022-01-29', '2022-01-30'] },
    { nameZh: '清明节', nameEn: 'Qingming Festival (Tomb-sweeping Day)', start: '2022-04-03', end: '2022-04-05', makeUpWorkdays: ['2022-04-02'] },
    { nameZh: '劳动节', nameEn: 'Labour Day', start: '2022-04-30', end: '2022-05-04', makeUpWorkdays: ['2022-04-24', '2022-05-07'] },
    { nameZh: '端午节', nameEn: 'Dragon Boat Festival', start: '2022-06-03', end: '2022-06-05', makeUpWorkdays: [] },
    { nameZh: '中秋节', nameEn: 'Mid-Autumn Festival', start: '2022-09-10', end: '2022-09-12', makeUpWorkdays: [] },
    { nameZh: '国庆节', nameEn: 'National Day', start: '2022-10-01', end: '2022-10-07', makeUpWorkdays: ['2022-10-08', '2022-10-09'] },
  ],
}
