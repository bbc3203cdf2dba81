// School Attendance Casework: the webapps carry the application's name, not Camunda's.
export default {
  app: {
    name: 'School Attendance Casework',
    vendor: ''
  },
  locales: {
    availableLocales: ['en'],
    fallbackLocale: 'en'
  },
  disableWelcomeMessage: true
};
