import type { HolidaySchedule } from '../holidaySchedule.js'

/**
 * China statutory holidays and make-up working days of 2015 (2015年节假日安排及调休上班日), R-CAL-2.
 *
 * Source: 国务院办公厅关于2015年部分节假日安排的通知 (国办发明电〔2014〕28号, published 2014-12-16).
 * Amended by: 国务院关于中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日调休放假的通知 (国发明电〔2015〕1号, published 2015-05-13).
 * Verified day by day against the `chinese-days` package in `holidays.test.ts`.
 *
 * @example
 * CN_2015.holidays[0]?.nameZh //=> '元旦'
 */
export const CN_2015: HolidaySchedule = {
  year: 2015,
  sources: [
    { title: '国务院办公厅关于2015年部分节假日安排的通知', documentNumber: '国办发明电〔2014〕28号', publishedOn: '2014-12-16' },
    { title: '国务院关于中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日调休放假的通知', documentNumber: '国发明电〔2015〕1号', publishedOn: '2015-05-13' },
  ],
  holidays: [
    { nameZh: '元旦', nameEn: "New Year's Day", start: '2015-01-01', end: '2015-01-03', makeUpWorkdays: ['2015-01-04'] },
    { nameZh: '春节', nameEn: 'Spring Festival', start: '2015-02-18', end: '2015-02-24', makeUpWorkdays: ['2015-02-15', '2015-02-28'] },
    { nameZh: '清明节', nameEn: 'Qingming Festival (Tomb-sweeping Day)', start: '2015-04-04', end: '2015-04-06', makeUpWorkdays: [] },
    { nameZh: '劳动节', nameEn: 'Labour Day', start: '2015-05-01', end: '2015-05-03', makeUpWorkdays: [] },
    { nameZh: '端午节', nameEn: 'Dragon Boat Festival', start: '2015-06-20', end: '2015-06-22', makeUpWorkdays: [] },
    { nameZh: '中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日', nameEn: "70th Anniversary of the Victory of the Chinese People's War of Resistance against Japanese Aggression and the World Anti-Fascist War", start: '2015-09-03', end: '2015-09-05', makeUpWorkdays: ['2015-09-06'] },
    { nameZh: '中秋节', nameEn: 'Mid-Autumn Festival', start: '2015-09-27', end: '2015-09-27', makeUpWorkdays: [] },
    { nameZh: '国庆节', nameEn: 'National Day', start: '2015-10-01', end: '2015-10-07', makeUpWorkdays: ['2015-10-10'] },
  ],
}
