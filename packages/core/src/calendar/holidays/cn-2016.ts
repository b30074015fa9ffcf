import type { HolidaySchedule } from '../holidaySchedule.js'

/**
 * China statutory holidays and make-up working days of 2016 (2016年节假日安排及调休上班日), R-CAL-2.
 *
 * Source: 国务院办公厅关于2016年部分节假日安排的通知 (国办发明电〔2015〕18号, published 2015-12-10).
 * Verified day by day against the `chinese-days` package in `holidays.test.ts`.
 *
 * @example
 * CN_2016.holidays[0]?.nameZh //=> '元旦'
 */
export const CN_2016: HolidaySchedule = {
  year: 2016,
  sources: [
    { title: '国务院办公厅关于2016年部分节假日安排的通知', documentNumber: '国办发明电〔2015〕18号', publishedOn: '2015-12-10' },
  ],
  holidays: [
    { nameZh: '元旦', nameEn: "New Year's Day", start: '2016-01-01', end: '2016-01-03', makeUpWorkdays: [] },
    { nameZh: '春节', nameEn: 'Spring Festival', start: '2016-02-07', end: '2016-02-13', makeUpWorkdays: ['2016-02-06', '2016-02-14'] },
    { nameZh: '清明节', nameEn: 'Qingming Festival (Tomb-sweeping Day)', start: '2016-04-02', end: '2016-04-04', makeUpWorkdays: [] },
    { nameZh: '劳动节', nameEn: 'Labour Day', start: '2016-04-30', end: '2016-05-02', makeUpWorkdays: [] },
    { nameZh: '端午节', nameEn: 'Dragon Boat Festival', start: '2016-06-09', end: '2016-06-11', makeUpWorkdays: ['2016-06-12'] },
    { nameZh: '中秋节', nameEn: 'Mid-Autumn Festival', start: '2016-09-15', end: '2016-09-17', makeUpWorkdays: ['2016-09-18'] },
    { nameZh: '国庆节', nameEn: 'National Day', start: '2016-10-01', end: '2016-10-07', makeUpWorkdays: ['2016-10-08', '2016-10-09'] },
  ],
}
