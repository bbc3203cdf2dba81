// School Attendance Casework: the webapps carry the application's name, not Camunda's.
export default {
  app: {
    // The header and the tab's title read "<vendor> <name>", and an empty vendor falls back to
    // "Camunda": the application's name is split across the two so both read
    // "School Attendance Casework" with no vendor's name and nothing before it.
    vendor: 'School Attendance',
    name: 'Casework'
  },
  locales: {
    availableLocales: ['en'],
    fallbackLocale: 'en'
  },
  // Dates as the GOV.UK style guide writes them (28 May 2027), in the lists and task details.
  dateFormat: {
    monthName: 'MMMM',
    day: 'D',
    abbr: 'D MMM YYYY, h:mma',
    normal: 'D MMMM YYYY, h:mma',
    long: 'dddd D MMMM YYYY, h:mma',
    short: 'D MMMM YYYY'
  },
  // The forms' date pickers read and take day/month/year (scripts/uk-dates.js); each task has
  // a "Case file" tab linking to its case's page (scripts/case-file-link.js); a field keeps
  // every letter a person types (scripts/form-typing.js).
  customScripts: ['scripts/uk-dates.js', 'scripts/case-file-link.js', 'scripts/form-typing.js'],
  disableWelcomeMessage: true
};
