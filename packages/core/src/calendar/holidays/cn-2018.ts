import type { HolidaySchedule } from '../holidaySchedule.js'

/**
 * China statutory holidays and make-up working days of 2018 (2018年节假日安排及调休上班日), R-CAL-2.
 *
 * Source: 国务院办公厅关于2018年部分节假日安排的通知 (国办发明电〔2017〕12号, published 2017-11-30).
 * Verified day by day against the `chinese-days` package in `holidays.test.ts`.
 *
 * @example
 * CN_2018.holidays[0]?.nameZh //=> '元旦'
 */
export const CN_2018: HolidaySchedule = {
  year: 2018,
  sources: [
    { title: '国务院办公厅关于2018年部分节假日安排的通知', documentNumber: '国办发明电〔2017〕12号', publishedOn: '2017-11-30' },
  ],
  holidays: [
    { nameZh: '元旦', nameEn: "New Year's Day", start: '2018-01-01', end: '2018-01-01', makeUpWorkdays: [] },
    { nameZh: '春节', nameEn: 'Spring Festival', start: '2018-02-15', end: '2018-02-21', makeUpWorkdays: ['2018-02-11', '2018-02-24'] },
    { nameZh: '清明节', nameEn: 'Qingming Festival (Tomb-sweeping Day)', start: '2018-04-05', end: '2018-04-07', makeUpWorkdays: ['2018-04-08'] },
    { nameZh: '劳动节', nameEn: 'Labour Day', start: '2018-04-29', end: '2018-05-01', makeUpWorkdays: ['2018-04-28'] },
    { nameZh: '端午节', nameEn: 'Dragon Boat Festival', start: '2018-06-16', end: '2018-06-18', makeUpWorkdays: [] },
    { nameZh: '中秋节', nameEn: 'Mid-Autumn Festival', start: '2018-09-22', end: '2018-09-24', makeUpWorkdays: [] },
    { nameZh: '国庆节', nameEn: 'National Day', start: '2018-10-01', end: '2018-10-07', makeUpWorkdays: ['2018-09-29', '2018-09-30'] },
  ],
}
