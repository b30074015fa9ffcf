import { type HolidaySchedule, parseHolidaySchedule } from '../holidaySchedule.js'
import { CN_2015 } from './cn-2015.js'
import { CN_2016 } from './cn-2016.js'
import { CN_2017 } from './cn-2017.js'
import { CN_2018 } from './cn-2018.js'
import { CN_2019 } from './cn-2019.js'
import { CN_2020 } from './cn-2020.js'
import { CN_2021 } from './cn-2021.js'
import { CN_2022 } from './cn-2022.js'
import { CN_2023 } from './cn-2023.js'
import { CN_2024 } from './cn-2024.js'
import { CN_2025 } from './cn-2025.js'
import { CN_2026 } from './cn-2026.js'

export { CN_2015, CN_2016, CN_2017, CN_2018, CN_2019, CN_2020, CN_2021, CN_2022, CN_2023, CN_2024, CN_2025, CN_2026 }

/**
 * The bundled China holiday schedules (中国法定节假日安排), 2015–2026, one per year, in year order (R-CAL-2).
 * Each is validated by `parseHolidaySchedule` and deeply frozen; the default `schedules` of `createWorkingCalendar`.
 *
 * @example
 * CHINA_HOLIDAY_SCHEDULES.map((schedule) => schedule.year) //=> [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]
 */
export const CHINA_HOLIDAY_SCHEDULES: readonly HolidaySchedule[] = Object.freeze(
  [CN_2015, CN_2016, CN_2017, CN_2018, CN_2019, CN_2020, CN_2021, CN_2022, CN_2023, CN_2024, CN_2025, CN_2026].map((schedule) => parseHolidaySchedule(schedule, `CN_${schedule.year}`)),
)
