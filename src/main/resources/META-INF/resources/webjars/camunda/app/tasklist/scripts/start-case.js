// School Attendance Casework: "Open a case" from the case file (Identified pupils not opened) opens
// Tasklist's start form for the pupil: /camunda/app/tasklist/default/#/?start=AttendanceCase
// &pupilUpn=…&pupilName=…&schoolUrn=… opens the "Start process" dialog on that process's form and fills in
// the pupil's UPN, name and school, so the lead does not pick the process and retype them (walk 14,
// defect 7). Nothing is started: the person checks the form, adds the parents and presses Start, and
// the engine checks everything as for any start. The pupil's details are in the address's fragment,
// which the browser never sends to a server. browser/PupilsNotOpenedBrowserTest shows it in Chromium.
const ENGINE = '/camunda/api/engine/engine/default';
/** The form fields a link may fill in (text fields of the start form, by their key). */
const FILLED = ['pupilUpn', 'pupilName', 'schoolUrn'];
const KEY = /^[A-Za-z][A-Za-z0-9_-]{0,99}$/;
/** How long the dialog and its form may take to appear before the script gives up (a slow machine). */
const PATIENCE_MS = 60000;

/** The start asked for by the address, or null: { key, values } (read before Tasklist rewrites it). */
function asked(hash) {
  const at = hash.indexOf('?');
  if (at < 0) {
    return null;
  }
  const params = new URLSearchParams(hash.slice(at + 1));
  const key = params.get('start');
  if (!key || !KEY.test(key)) {
    return null;
  }
  const values = {};
  FILLED.forEach((name) => {
    const value = params.get(name);
    if (value !== null && value.length <= 200) {
      values[name] = value;
    }
  });
  return { key, values };
}

/** Calls found() with the first element matching, once there, and stops when it is, or after a long wait. */
function whenThere(selector, test, found) {
  const started = Date.now();
  const look = () => {
    const element = [...document.querySelectorAll(selector)].find(test);
    if (element) {
      found(element);
      return true;
    }
    return false;
  };
  if (look()) {
    return;
  }
  const observer = new MutationObserver(() => {
    if (look() || Date.now() - started > PATIENCE_MS) {
      observer.disconnect();
    }
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
}

function visible(element) {
  return element.offsetParent !== null;
}

/** Types a value into a form-js text field as a person would: its own input event, so form-js takes it. */
function fill(input, value) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  setter.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

function fieldId(name) {
  return `Field_${name.charAt(0).toUpperCase()}${name.slice(1)}`;
}

function fillTheForm(values) {
  const names = Object.keys(values);
  if (!names.length) {
    return;
  }
  whenThere('.modal .fjs-container input', () => true, () => {
    // let form-js finish drawing the form
    setTimeout(() => {
      let firstEmpty = null;
      names.forEach((name) => {
        const input = document.querySelector(`.modal .fjs-container input[id$='-${fieldId(name)}']`);
        if (input && !input.value) {
          fill(input, values[name]);
        }
      });
      document.querySelectorAll('.modal .fjs-container input:not([type=hidden]):not([disabled])').forEach((input) => {
        if (!firstEmpty && !input.value && input.type !== 'radio' && input.type !== 'checkbox') {
          firstEmpty = input;
        }
      });
      if (firstEmpty) {
        firstEmpty.focus();
      }
    }, 100);
  });
}

function openTheStartForm({ key, values }) {
  fetch(`${ENGINE}/process-definition/key/${encodeURIComponent(key)}`, {
    credentials: 'same-origin',
    headers: { Accept: 'application/json' }
  })
    .then((response) => {
      if (!response.ok) {
        throw new Error(`the process answered ${response.status}`);
      }
      return response.json();
    })
    .then((definition) => {
      const name = (definition.name || definition.key || '').trim();
      whenThere('li.start-process-action a', visible, (link) => {
        link.click();
        whenThere('.modal ul.processes li a', (a) => a.textContent.trim() === name, (choice) => {
          choice.click();
          fillTheForm(values);
        });
      });
    })
    .catch((error) => {
      console.warn(`School Attendance Casework: the start form could not be opened: ${error.message}`);
    });
}

const start = asked(window.location.hash);
if (start) {
  if (document.body) {
    openTheStartForm(start);
  } else {
    document.addEventListener('DOMContentLoaded', () => openTheStartForm(start));
  }
}

// No Tasklist plugins: the script only opens the start form the address asks for.
export default [];
