// School Attendance Casework: form-js (Camunda Forms) as bundled in Tasklist 7.24, for the
// scripts that set it up before any form is shown (form-typing.js, form-errors.js).
//
// Tasklist creates its forms with form-js's Form from the webapp's shared deps.js and gives
// plugins no hook into it, so these scripts reach form-js through the module registry of that
// bundle: a chunk with no modules and a runtime, which webpack calls with its require function.
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

/**
 * Calls {@code setUp(formJs)} with form-js's exports once Tasklist's bundle is there (at once if
 * it already is); warns with {@code what} when form-js cannot be found.
 */
export function withFormJs(name, what, setUp) {
  (self[CHUNKS] = self[CHUNKS] || []).push([[name], {}, (require) => {
    const found = formJs(require);
    if (!found) {
      console.warn(`School Attendance Casework: form-js not found; ${what}`);
      return;
    }
    setUp(found);
  }]);
}
