import type { HolidaySchedule } from '../holidaySchedule.js'

/**
 * China statutory holidays and make-up working days of 2017 (2017年节假日安排及调休上班日), R-CAL-2.
 *
 * Source: 国务院办公厅关于2017年部分节假日安排的通知 (国办发明电〔2016〕17号, published 2016-12-01).
 * Verified day by day against the `chinese-days` package in `holidays.test.ts`.
 *
 * @example
 * CN_2017.holidays[0]?.nameZh //=> '元旦'
 */
export const CN_2017: HolidaySchedule = {
  year: 2017,
  sources: [
    { title: '国务院办公厅关于2017年部分节假日安排的通知', documentNumber: '国办发明电〔2016〕17号', publishedOn: '2016-12-01' },
  ],
  holidays: [
    { nameZh: '元旦', nameEn: "New Year's Day", start: '2017-01-01', end: '2017-01-02', makeUpWorkdays: [] },
    { nameZh: '春节', nameEn: 'Spring Festival', start: '2017-01-27', end: '2017-02-02', makeUpWorkdays: ['2017-01-22', '2017-02-04'] },
    { nameZh: '清明节', nameEn: 'Qingming Festival (Tomb-sweeping Day)', start: '2017-04-02', end: '2017-04-04', makeUpWorkdays: ['2017-04-01'] },
    { nameZh: '劳动节', nameEn: 'Labour Day', start: '2017-04-29', end: '2017-05-01', makeUpWorkdays: [] },
    { nameZh: '端午节', nameEn: 'Dragon Boat Festival', start: '2017-05-28', end: '2017-05-30', makeUpWorkdays: ['2017-05-27'] },
    { nameZh: '中秋节、国庆节', nameEn: 'Mid-Autumn Festival and National Day', start: '2017-10-01', end: '2017-10-08', makeUpWorkdays: ['2017-09-30'] },
  ],
}
