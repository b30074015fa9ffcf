import type { HolidaySchedule } from '../holidaySchedule.js'

/**
 * China statutory holidays and make-up working days of 2021 (2021年节假日安排及调休上班日), R-CAL-2.
 *
 * Source: 国务院办公厅关于2021年部分节假日安排的通知 (国办发明电〔2020〕27号, published 2020-11-25).
 * Verified day by day against the `chinese-days` package in `holidays.test.ts`.
 *
 * @example
 * CN_2021.holidays[0]?.nameZh //=> '元旦'
 */
export const CN_2021: HolidaySchedule = {
  year: 2021,
  sources: [
    { title: '国务院办公厅关于2021年部分节假日安排的通知', documentNumber: '国办发明电〔2020〕27号', publishedOn: '2020-11-25' },
  ],
  holidays: [
    { nameZh: '元旦', nameEn: "New Year's Day", start: '2021-01-01', end: '2021-01-03', makeUpWorkdays: [] },
    { nameZh: '春节', nameEn: 'Spring Festival', start: '2021-02-11', end: '2021-02-17', makeUpWorkdays: ['2021-02-07', '2021-02-20'] },
    { nameZh: '清明节', nameEn: 'Qingming Festival (Tomb-sweeping Day)', start: '2021-04-03', end: '2021-04-05', makeUpWorkdays: [] },
    { nameZh: '劳动节', nameEn: 'Labour Day', start: '2021-05-01', end: '2021-05-05', makeUpWorkdays: ['2021-04-25', '2021-05-08'] },
    { nameZh: '端午节', nameEn: 'Dragon Boat Festival', start: '2021-06-12', end: '2021-06-14', makeUpWorkdays: [] },
    { nameZh: '中秋节', nameEn: 'Mid-Autumn Festival', start: '2021-09-19', end: '2021-09-21', makeUpWorkdays: ['2021-09-18'] },
    { nameZh: '国庆节', nameEn: 'National Day', start: '2021-10-01', end: '2021-10-07', makeUpWorkdays: ['2021-09-26', '2021-10-09'] },
  ],
}
