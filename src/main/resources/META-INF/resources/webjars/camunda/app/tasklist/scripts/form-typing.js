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
// the option on form-js's Form before any form is created, through the module registry of
// Tasklist's own bundle (the webapp's shared `deps.js`, where Tasklist takes `Form` from).
// browser/StartAttendanceCaseBrowserTest types at a person's pace and fails without it.
const CHUNKS = 'webpackChunkcamunda_bpm_webapp';
// The module of form-js's viewer in Camunda 7.24.0's deps.js; searched for if a release moves it.
const FORM_JS_MODULE = '57661';

function isFormJs(exports) {
  const Form = exports && exports.Form;
  return typeof Form === 'function' && Form.prototype
    && typeof Form.prototype._createInjector === 'function' && typeof Form.prototype.importSchema === 'function';
}

function formJs(require) {
  if (require.m[FORM_JS_MODULE]) {
    const known = require(FORM_JS_MODULE);
    if (isFormJs(known)) {
      return known;
    }
  }
  for (const id of Object.keys(require.m)) {
    const source = Function.prototype.toString.call(require.m[id]);
    if (source.includes('_createInjector') && source.includes('form.init') && source.includes('fjs-container')) {
      const found = require(id);
      if (isFormJs(found)) {
        return found;
      }
    }
  }
  return null;
}

function commitEveryKey(require) {
  const found = formJs(require);
  if (!found) {
    console.warn('School Attendance Casework: form-js not found; Tasklist forms keep their 300 ms typing delay');
    return;
  }
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

// A chunk with no modules and a runtime: webpack calls the runtime with its require function.
(self[CHUNKS] = self[CHUNKS] || []).push([['casework-form-typing'], {}, commitEveryKey]);

// No Tasklist plugins: the script only sets form-js up before any form is shown.
export default [];
