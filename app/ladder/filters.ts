/** Filters on the coordinators' list by last activity: within three months, within a year, or not for a year. */
export const activityFilters = ['recent', 'year', 'dormant'] as const
export type ActivityFilter = (typeof activityFilters)[number]
