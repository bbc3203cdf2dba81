// School Attendance Casework: the webapps carry the application's name, not Camunda's,
// and Cockpit's dashboard shows the managers' overview (scripts/attendance-dashboard.js).
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
  // Cockpit and Tasklist, in ../../shared/uk-date-format.js (Cockpit does not read this key itself:
  // scripts/uk-dates.js applies it).
  dateFormat: ukDateFormat,
  requireJsConfig: {
    deps: ['uk-dates'],
    ngDeps: ['attendance.ukDates'],
    paths: { 'uk-dates': 'scripts/uk-dates' }
  },
  customScripts: ['scripts/attendance-dashboard.js'],
  disableWelcomeMessage: true
};
