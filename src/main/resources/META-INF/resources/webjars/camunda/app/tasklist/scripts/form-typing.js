// School Attendance Casework: Tasklist's forms keep every letter a person types (issue #16).
//
// Camunda Forms (form-js, as bundled in Tasklist 7.24) commits what is typed into a field 300 ms
// after the last key, and draws the whole form again at each commit, setting every text field
// to the value the form holds. A number field commits its value a second time 300 ms after a
// person leaves it (on blur, then again from its render): a person who tabs from "Unauthorised
// sessions" to a parent's name and types at a normal pace loses the letters typed in those
// 300 ms, because the redraw puts back the name the form holds, still empty ("ire Thornton" for
// "Claire Thornton").
//
// form-js has an option for this, `debounce: false`: every key is committed at once, so a redraw
// always holds what was typed. Tasklist creates its forms without options, so this script sets
// the option on form-js's Form before any form is created (scripts/form-js.js finds form-js in
// Tasklist's own bundle, the webapp's shared `deps.js`, where Tasklist takes `Form` from).
// browser/StartAttendanceCaseBrowserTest types at a person's pace and fails without it.
import { withFormJs } from './form-js.js';

function commitEveryKey(found) {
  const proto = found.Form.prototype;
  if (proto._commitsEveryKey) {
    return;
  }
  const createInjector = proto._createInjector;
  proto._createInjector = function (options, container) {
    return createInjector.call(this, Object.assign({ debounce: false }, options), container);
  };
  proto._commitsEveryKey = true;
}

withFormJs('casework-form-typing', 'Tasklist forms keep their 300 ms typing delay', commitEveryKey);

// No Tasklist plugins: the script only sets form-js up before any form is shown.
export default [];
