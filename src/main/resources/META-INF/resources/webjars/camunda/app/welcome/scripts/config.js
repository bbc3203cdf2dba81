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
  disableWelcomeMessage: true
};
