// School Attendance Casework: the one date format of Cockpit and Tasklist, as the GOV.UK style
// guide writes dates (28 May 2027; with a time, 29 November 2026, 7:07am). Each app's
// scripts/config.js imports it as its `dateFormat` (config.js is an ES module the apps load with
// import(), so this file is found relative to it: /camunda/app/shared/uk-date-format.js).
// Tasklist reads the key itself; Cockpit's scripts/uk-dates.js applies it there.
export default {
  monthName: 'MMMM',
  day: 'D',
  abbr: 'D MMM YYYY, h:mma',
  normal: 'D MMMM YYYY, h:mma',
  long: 'dddd D MMMM YYYY, h:mma',
  short: 'D MMMM YYYY'
};
