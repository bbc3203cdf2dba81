// School Attendance Casework: the webapps carry the application's name, not Camunda's.
export default {
  app: {
    name: 'School Attendance Casework',
    // The header shows "<vendor> <name>" and an empty vendor falls back to "Camunda":
    // a non-breaking space leaves the application's name alone.
    vendor: '\u00a0'
  },
  locales: {
    availableLocales: ['en'],
    fallbackLocale: 'en'
  },
  disableWelcomeMessage: true
};
