// School Attendance Casework: the webapps carry the application's name, not Camunda's,
// and Cockpit's dashboard shows the managers' overview (scripts/attendance-dashboard.js).
export default {
  app: {
    name: 'School Attendance Casework',
    vendor: ''
  },
  locales: {
    availableLocales: ['en'],
    fallbackLocale: 'en'
  },
  customScripts: ['scripts/attendance-dashboard.js'],
  disableWelcomeMessage: true
};
