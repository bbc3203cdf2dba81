// School Attendance Casework: Tasklist's forms take dates as day/month/year.
//
// Camunda Forms (form-js) builds its date picker's format from the browser's default locale
// (Intl.DateTimeFormat with no locale given): a browser set to US English would show and read
// 05/06/2027 as 6 May. The authority's staff write dates the UK way, whatever their browser says,
// so a date format asked for without a locale is the UK's. Formats asked for with a locale, and
// the values the forms send (ISO dates), are unchanged.
const BrowserDateTimeFormat = Intl.DateTimeFormat;
const UK = 'en-GB';

function DateTimeFormat(locales, options) {
  const locale = locales === undefined || locales === 'default' ? UK : locales;
  return new BrowserDateTimeFormat(locale, options);
}
DateTimeFormat.prototype = BrowserDateTimeFormat.prototype;
DateTimeFormat.supportedLocalesOf = BrowserDateTimeFormat.supportedLocalesOf.bind(BrowserDateTimeFormat);

if (!Intl.DateTimeFormat.ukDates) {
  DateTimeFormat.ukDates = true;
  Intl.DateTimeFormat = DateTimeFormat;
}

// No Tasklist plugins: the script only sets the date format up before any form is shown.
export default [];
