// School Attendance Casework: "Open a case" from the case file (Identified pupils not opened) opens
// Tasklist's start form for the pupil: /camunda/app/tasklist/default/#/?start=AttendanceCase
// &pupilUpn=…&pupilName=…&schoolUrn=… opens the "Start process" dialog on that process's form and fills in
// the pupil's UPN, name and school, so the lead does not pick the process and retype them (walk 14,
// defect 7), and the parents the register holds for the pupil (parent 1 and 2: name, postal address,
// relationship, parental responsibility where the register states it), read from the project's API
// (GET /api/pupils/{upn}/parents: the register's pupils this user may read, 404 for any other, so
// another school's pupil gives nothing). Nothing is started: the person checks the form, completes it
// and presses Start, and the engine checks everything as for any start. The pupil's details are in the
// address's fragment, which the browser never sends to a server; the parents are never in the address.
// browser/PupilsNotOpenedBrowserTest shows it in Chromium.
const ENGINE = '/camunda/api/engine/engine/default';
/** The project's API (the register's parents of a pupil). */
const API = '/api';
/** The start form's parents (parent1…, parent2…). */
const PARENTS = 2;
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

/** The parents the register holds for the pupil (at most the form's two), or none: never an error for the person. */
function registerParents(upn) {
  if (!upn) {
    return Promise.resolve([]);
  }
  return fetch(`${API}/pupils/${encodeURIComponent(upn)}/parents`, {
    credentials: 'same-origin',
    headers: { Accept: 'application/json' }
  })
    .then((response) => (response.ok ? response.json() : []))
    .then((parents) => (Array.isArray(parents) ? parents.slice(0, PARENTS) : []))
    .catch(() => []);
}

/** How long a select's list may take to open before the script leaves that field for the person. */
const LIST_PATIENCE_MS = 5000;

/**
 * A form-js select (not a native one): opens its list and picks the entry whose label is the value
 * ("mother": Mother), as a person's mouse would; resolves once picked (or left for the person), so
 * that the next select opens only then (opening one closes another's list).
 */
function choose(name, value) {
  return new Promise((resolve) => {
    const hidden = document.querySelector(`.modal .fjs-container input.fjs-select-hidden-input[id$='-${fieldId(name)}']`);
    const group = hidden && hidden.closest('.fjs-input-group');
    const display = group && group.querySelector('.fjs-select-display');
    if (!group || !value || (display && !display.classList.contains('fjs-select-placeholder'))) {
      resolve(); // no such field, or the person chose already
      return;
    }
    const field = group.closest('.fjs-form-field') || group.parentElement;
    let done = false;
    const finish = () => {
      if (!done) {
        done = true;
        resolve();
      }
    };
    setTimeout(finish, LIST_PATIENCE_MS);
    group.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true }));
    whenThere('.fjs-dropdownlist-item', (item) => !done && field.contains(item)
      && item.textContent.trim().toLowerCase() === String(value).toLowerCase(), (item) => {
      item.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true }));
      setTimeout(finish, 50);
    });
  });
}

/** A form-js radio group: clicks the option with this value's label ("yes": Yes), unless one is chosen. */
function tick(name, value) {
  const inputs = [...document.querySelectorAll(`.modal .fjs-container input[type=radio][id*='-${fieldId(name)}']`)];
  if (!inputs.length || inputs.some((input) => input.checked)) {
    return;
  }
  const wanted = inputs.find((input) => {
    const label = input.closest('label') || document.querySelector(`label[for='${input.id}']`);
    return label && label.textContent.trim().toLowerCase() === value;
  });
  if (wanted) {
    wanted.click();
  }
}

/**
 * The parents' fields: parent1Name, parent1Address, parent1Relationship, parent1ParentalResponsibility,
 * then parent 2; resolves once the relationships are chosen (one list open at a time).
 */
function fillParents(parents) {
  const choices = [];
  parents.forEach((parent, at) => {
    const prefix = `parent${at + 1}`;
    ['Name', 'Address'].forEach((part) => {
      const value = parent[part.toLowerCase()];
      const input = document.querySelector(`.modal .fjs-container input[id$='-${fieldId(prefix + part)}']`);
      if (input && !input.value && typeof value === 'string' && value.length <= 500) {
        fill(input, value);
      }
    });
    if (typeof parent.parentalResponsibility === 'boolean') {
      tick(`${prefix}ParentalResponsibility`, parent.parentalResponsibility ? 'yes' : 'no');
    }
    if (typeof parent.relationship === 'string') {
      choices.push([`${prefix}Relationship`, parent.relationship]);
    }
  });
  return choices.reduce((previous, [name, value]) => previous.then(() => choose(name, value)), Promise.resolve());
}

function fillTheForm(values) {
  const names = Object.keys(values);
  if (!names.length) {
    return;
  }
  const parents = registerParents(values.pupilUpn);
  whenThere('.modal .fjs-container input', () => true, () => {
    // let form-js finish drawing the form
    setTimeout(() => {
      names.forEach((name) => {
        const input = document.querySelector(`.modal .fjs-container input[id$='-${fieldId(name)}']`);
        if (input && !input.value) {
          fill(input, values[name]);
        }
      });
      parents.then(fillParents).then(() => {
        let firstEmpty = null;
        document.querySelectorAll('.modal .fjs-container input:not([type=hidden]):not([disabled])').forEach((input) => {
          if (!firstEmpty && !input.value && input.type !== 'radio' && input.type !== 'checkbox'
            && !input.classList.contains('fjs-select-hidden-input')) {
            firstEmpty = input;
          }
        });
        if (firstEmpty) {
          firstEmpty.focus();
        }
      });
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
