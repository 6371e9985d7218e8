// The platform's calendar, one rule for every page.

/**
 * The reporting year being filed on a day: a year's report is written in its December and published by 31 January of
 * the next year, so in December it is the year itself, from January to November the year before (December 2026 and
 * January 2027 → 2026; November 2026 → 2025).
 */
export function reportingYearBeingFiled(day) {
  return day.getMonth() === 11 ? day.getFullYear() : day.getFullYear() - 1;
}
