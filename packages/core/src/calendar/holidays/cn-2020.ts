import type { HolidaySchedule } from '../holidaySchedule.js'

/**
 * China statutory holidays and make-up working days of 2020 (2020年节假日安排及调休上班日), R-CAL-2.
 *
 * Source: 国务院办公厅关于2020年部分节假日安排的通知 (国办发明电〔2019〕16号, published 2019-11-21).
 * Amended by: 国务院办公厅关于延长2020年春节假期的通知 (国办发明电〔2020〕1号, published 2020-01-27).
 * Verified day by day against the `chinese-days` package in `holidays.test.ts`.
 *
 * @example
 * CN_2020.holidays[0]?.nameZh //=> '元旦'
 */
export const CN_2020: HolidaySchedule = {
  year: 2020,
  sources: [
    { title: '国务院办公厅关于2020年部分节假日安排的通知', documentNumber: '国办发明电〔2019〕16号', publishedOn: '2019-11-21' },
    { title: '国务院办公厅关于延长2020年春节假期的通知', documentNumber: '国办发明电〔2020〕1号', publishedOn: '2020-01-27' },
  ],
  holidays: [
    { nameZh: '元旦', nameEn: "New Year's Day", start: '2020-01-01', end: '2020-01-01', makeUpWorkdays: [] },
    { nameZh: '春节', nameEn: 'Spring Festival', start: '2020-01-24', end: '2020-02-02', makeUpWorkdays: ['2020-01-19'] },
    { nameZh: '清明节', nameEn: 'Qingming Festival (Tomb-sweeping Day)', start: '2020-04-04', end: '2020-04-06', makeUpWorkdays: [] },
    { nameZh: '劳动节', nameEn: 'Labour Day', start: '2020-05-01', end: '2020-05-05', makeUpWorkdays: ['2020-04-26', '2020-05-09'] },
    { nameZh: '端午节', nameEn: 'Dragon Boat Festival', start: '2020-06-25', end: '2020-06-27', makeUpWorkdays: ['2020-06-28'] },
    { nameZh: '国庆节、中秋节', nameEn: 'National Day and Mid-Autumn Festival', start: '2020-10-01', end: '2020-10-08', makeUpWorkdays: ['2020-09-27', '2020-10-10'] },
  ],
}
