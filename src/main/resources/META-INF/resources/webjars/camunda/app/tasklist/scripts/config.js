// School Attendance Casework: the webapps carry the application's name, not Camunda's.
import ukDateFormat from '../../shared/uk-date-format.js';

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
  // Dates as the GOV.UK style guide writes them (29 November 2026, 7:07am): one format for
  // Cockpit and Tasklist, in ../../shared/uk-date-format.js.
  dateFormat: ukDateFormat,
  // The forms' date pickers read and take day/month/year (scripts/uk-dates.js); each task has
  // a "Case file" tab linking to its case's page (scripts/case-file-link.js); a field keeps
  // every letter a person types (scripts/form-typing.js); a typed date that is no date is refused,
  // refusals name their field, and focus goes to what was refused (scripts/form-errors.js).
  // "Open a case" links open the start form with the pupil filled in (scripts/start-case.js).
  // Tasklist's own words (the search box, the sort menu) are stored before it starts, so a first
  // visit never shows their keys (scripts/words-first.js).
  customScripts: ['scripts/words-first.js', 'scripts/uk-dates.js', 'scripts/case-file-link.js', 'scripts/form-typing.js', 'scripts/form-errors.js', 'scripts/start-case.js'],
  disableWelcomeMessage: true
};
