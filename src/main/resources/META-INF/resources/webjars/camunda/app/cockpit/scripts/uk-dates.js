// School Attendance Casework: Cockpit shows dates as Tasklist does (29 November 2026, 7:07am).
//
// Tasklist reads config.js `dateFormat`; Cockpit 7.24 sets its own formats in its start-up code
// (the "normal" one is 2026-11-29T07:07:45) and does not read that key. This AngularJS module,
// loaded through config.js `requireJsConfig` (Cockpit's documented way to add AngularJS modules),
// decorates Cockpit's `camDateFormat` service so that a format named in config.js `dateFormat`
// wins and any other keeps Cockpit's own.
define([], function () {
  window.angular.module('attendance.ukDates', []).config(['$provide', function ($provide) {
    $provide.decorator('camDateFormat', ['$delegate', function (cockpitFormat) {
      var own = (window.camCockpitConf && window.camCockpitConf.dateFormat) || {};
      return function (name) {
        return own[name || 'normal'] || cockpitFormat(name);
      };
    }]);
  }]);
});
