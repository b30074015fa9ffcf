import type { HolidaySchedule } from '../holidaySchedule.js'

/**
 * China statutory holidays and make-up working days of 2019 (2019年节假日安排及调休上班日), R-CAL-2.
 *
 * Source: 国务院办公厅关于2019年部分节假日安排的通知 (国办发明电〔2018〕15号, published 2018-12-06).
 * Amended by: 国务院办公厅关于调整2019年劳动节假期安排的通知 (国办发明电〔2019〕3号, published 2019-03-22).
 * Verified day by day against the `chinese-days` package in `holidays.test.ts`.
 *
 * @example
 * CN_2019.holidays[0]?.nameZh //=> '元旦'
 */
export const CN_2019: HolidaySchedule = {
  year: 2019,
  sources: [
    { title: '国务院办公厅关于2019年部分节假日安排的通知', documentNumber: '国办发明电〔2018〕15号', publishedOn: '2018-12-06' },
    { title: '国务院办公厅关于调整2019年劳动节假期安排的通知', documentNumber: '国办发明电〔2019〕3号', publishedOn: '2019-03-22' },
  ],
  holidays: [
    { nameZh: '元旦', nameEn: "New Year's Day", start: '2018-12-30', end: '2019-01-01', makeUpWorkdays: ['2018-12-29'] },
    { nameZh: '春节', nameEn: 'Spring Festival', start: '2019-02-04', end: '2019-02-10', makeUpWorkdays: ['2019-02-02', '2019-02-03'] },
    { nameZh: '清明节', nameEn: 'Qingming Festival (Tomb-sweeping Day)', start: '2019-04-05', end: '2019-04-07', makeUpWorkdays: [] },
    { nameZh: '劳动节', nameEn: 'Labour Day', start: '2019-05-01', end: '2019-05-04', makeUpWorkdays: ['2019-04-28', '2019-05-05'] },
    { nameZh: '端午节', nameEn: 'Dragon Boat Festival', start: '2019-06-07', end: '2019-06-09', makeUpWorkdays: [] },
    { nameZh: '中秋节', nameEn: 'Mid-Autumn Festival', start: '2019-09-13', end: '2019-09-15', makeUpWorkdays: [] },
    { nameZh: '国庆节', nameEn: 'National Day', start: '2019-10-01', end: '2019-10-07', makeUpWorkdays: ['2019-09-29', '2019-10-12'] },
  ],
}
