// School Attendance Casework: Tasklist's forms refuse what is wrong in words a person can act on.
//
// - A typed date that is no date is refused, naming the field, and nothing is saved. form-js's
//   date picker (flatpickr, allowInput) reads "31/02/2027" as 3 March 2027 (the days roll over
//   into the next month) and "1/2/27" or "31/13/2027" as nothing at all (the field is emptied):
//   either way the form sent a date the person never wrote, or none. The server cannot see the
//   typo, only the rolled-over day. Here the text stays as typed, the field shows
//   "Review date: 31/02/2027 is not a real date (February 2027 has 28 days)" and Complete is
//   refused until it is put right.
// - form-js's own refusals name the field: "Attendance target (%) is required", not "Field is
//   required.", and the red box Tasklist shows after a refused Complete lists them; a refusal
//   from the server already carries its text.
// - After a refused Complete (or Start, in the start dialog), focus goes to the first field in error
//   (its message is linked to it), not to the page's <body>. A refusal from the server that names a
//   field ("Attendance target (%) (attendanceTarget): …", "pupilUpn: …") focuses that field too:
//   the red box's message leads with the field's label, is a link to it, and describes it
//   (aria-describedby, aria-invalid). Only a refusal naming no field of the form focuses the box.
// - A press of Start or Complete from a field just typed in (or left empty) is never lost to the
//   field's own validation on leaving it (see setUpForms).
// - Complete is not held disabled by a field of a dynamic list that was put right: form-js leaves
//   an empty entry for it in its errors, which Tasklist counted as an error (see withMessages).
// - The red box is titled "There is a problem" (the GOV.UK error summary's words), not Camunda's
//   "An error happened while submitting the task form" / "The process could not be started".
// - A group of radio buttons (or checkboxes) is a group named by its label, so a screen reader
//   says "Does the parent agree to an early help assessment? Yes, radio button".
// - The case history table's header cells are column headers, not tab stops (form-js made each a
//   sort button sorting dates as words).
// - After a Complete that succeeds, focus goes to the task list's first task (the next one to work),
//   or to the list itself when it is empty, not to the page's <body>: a keyboard user carries on
//   from the list instead of starting again from the top of the page (walk 13, defect 15).
// - An earlier refusal's red box goes on the next Start or Complete, and none is left after a
//   Complete that succeeds (walk 14, defect 3).
// - Today: no check here compares a date with the browser's today. A day of the law is a calendar
//   day in England (Europe/London), and a browser in another zone, or with its clock wrong, would
//   decide it wrongly near midnight. The server's rule on Start or Complete decides ("Interview held
//   on (interviewDate): must not be in the future") and the red box shows it naming the field; the
//   forms set no earliest or latest day from the browser's clock (no disallowPassedDates, no FEEL
//   today() or now(): process/FormDatesTest).
// browser/TasklistFormErrorsBrowserTest shows each in Chromium.
import { withFormJs } from './form-js.js';

// ---------------------------------------------------------------------------------------------
// Dates

/** Typed texts that are no date, by the id of their date input ("fjs-form-…-Field_ReviewDate-date"). */
const notADate = new Map();
/** The forms on the page, to validate a date field again when its typed text is refused or mended. */
const forms = new Set();

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];

function dayMonthYear(date) {
  return `${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()}`;
}

/**
 * The day, month and year of a text typed in a date picker's format (flatpickr's d/j, m/n, Y
 * tokens, e.g. "d/m/Y"), or null when the format has other tokens (nothing is checked then).
 */
function pattern(format) {
  const order = [];
  let source = '';
  for (const token of format) {
    if (token === 'd' || token === 'j') {
      order.push('day');
      source += '(\\d{1,2})';
    } else if (token === 'm' || token === 'n') {
      order.push('month');
      source += '(\\d{1,2})';
    } else if (token === 'Y') {
      order.push('year');
      source += '(\\d{4})';
    } else if (/[A-Za-z\\]/.test(token)) {
      return null;
    } else {
      source += token.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    }
  }
  return order.length === 3 ? { regex: new RegExp(`^${source}$`), order } : null;
}

/** Why the typed text is no date the picker may take, or null when it is one (or not checked). */
function refusal(picker, typed, format) {
  const text = typed.trim();
  if (text === '') {
    return null;
  }
  const parts = pattern(format);
  if (!parts) {
    return null;
  }
  const example = format.replace(/[dj]/, '28').replace(/[mn]/, '05').replace('Y', '2027');
  const match = parts.regex.exec(text);
  if (!match) {
    return `${text} is not a date: write it as day/month/year, for example ${example}`;
  }
  const value = {};
  parts.order.forEach((name, i) => {
    value[name] = Number(match[i + 1]);
  });
  if (value.month < 1 || value.month > 12) {
    return `${text} is not a real date (there is no month ${value.month})`;
  }
  const daysInMonth = new Date(value.year, value.month, 0).getDate();
  if (value.day < 1 || value.day > daysInMonth) {
    return `${text} is not a real date (${MONTHS[value.month - 1]} ${value.year} has ${daysInMonth} days)`;
  }
  const date = new Date(value.year, value.month - 1, value.day);
  date.setFullYear(value.year);
  if (typeof picker.isEnabled === 'function' && !picker.isEnabled(date, true)) {
    const earliest = picker.config.minDate;
    if (earliest instanceof Date && date < new Date(earliest.getFullYear(), earliest.getMonth(), earliest.getDate())) {
      // Never "today" by the browser's clock and zone: a day of the law is a day in England, and the
      // server decides it (see "Today" in the header).
      return `${text} is too early: the date must be ${dayMonthYear(earliest)} or later`;
    }
    return `${text} cannot be chosen here`;
  }
  return null;
}

function formOf(input) {
  for (const form of forms) {
    if (!form._container || !form._container.isConnected) {
      forms.delete(form);
    } else if (form._container.contains(input)) {
      return form;
    }
  }
  return null;
}

/** form-js's id of a field's element: fjs-form-<form>-<field>[_<index>…] (its render's own rule). */
function domId(form, fieldInstance) {
  let id = `fjs-form-${form._id}-${fieldInstance.id}`;
  Object.values(fieldInstance.indexes || {}).forEach((index) => {
    id += `_${index}`;
  });
  return id;
}

/** Validates the field of a date input again, so that its message shows or goes at once. */
function validateAgain(input) {
  const form = formOf(input);
  if (!form) {
    return;
  }
  const instances = form.get('formFieldInstanceRegistry', false);
  const commands = form.get('viewerCommands', false);
  if (!instances || !commands) {
    return;
  }
  const instance = instances.getAllKeyed().find((candidate) => `${domId(form, candidate)}-date` === input.id);
  if (instance) {
    const path = instance.valuePath || [];
    const value = path.reduce((data, key) => (data == null ? undefined : data[key]), form._getState().data);
    commands.updateFieldInstanceValidation(instance, value);
  }
}

/**
 * A flatpickr plugin: every typed text reaches the picker through setDate (Enter, leaving the
 * field, a click elsewhere); a text that is no date is kept as typed and not given to the picker.
 */
function realDatesOnly(picker) {
  const setDate = picker.setDate;
  picker.setDate = function (date, triggerChange, format) {
    const input = picker._input || picker.input;
    if (typeof date !== 'string' || !input || !input.id) {
      return setDate.apply(this, arguments);
    }
    const why = refusal(picker, date, format || picker.config.dateFormat);
    if (why) {
      notADate.set(input.id, why);
      validateAgain(input);
      return undefined;
    }
    const wasRefused = notADate.delete(input.id);
    const result = setDate.apply(this, arguments);
    if (wasRefused) {
      validateAgain(input);
    }
    return result;
  };
  return {};
}

function checkTypedDates() {
  const flatpickr = self.flatpickr;
  if (typeof flatpickr !== 'function') {
    console.warn('School Attendance Casework: the date picker was not found; typed dates are not checked');
    return;
  }
  const defaults = flatpickr.defaultConfig || (flatpickr.defaultConfig = {});
  const plugins = defaults.plugins || [];
  if (!plugins.includes(realDatesOnly)) {
    defaults.plugins = [...plugins, realDatesOnly];
  }
}

// ---------------------------------------------------------------------------------------------
// Messages naming their field

function labelOf(field) {
  const label = [field.label, field.dateLabel, field.timeLabel]
    .find((text) => typeof text === 'string' && text.trim() !== '' && !text.trim().startsWith('='));
  return (label || field.key || 'This field').trim().replace(/[\s:*]+$/, '');
}

const REWORDED = [
  [/^Field is required\.?$/, (label) => `${label} is required`],
  [/^Field must have maximum value of (.+?)\.?$/, (label, max) => `${label} must be ${max} or less`],
  [/^Field must have minimum value of (.+?)\.?$/, (label, min) => `${label} must be ${min} or more`],
  [/^Field must have maximum length of (\d+)\.?$/, (label, n) => `${label} must be at most ${n} characters`],
  [/^Field must have minimum length of (\d+)\.?$/, (label, n) => `${label} must be at least ${n} characters`],
  [/^Field must match pattern (.+?)\.?$/, (label, p) => `${label} must match the pattern ${p}`],
  [/^Field (.+?)\.?$/, (label, rest) => `${label} ${rest}`],
  [/^Value is not a number\.?$/, (label) => `${label} must be a number`],
  [/^Value is expected to be an integer\.?$/, (label) => `${label} must be a whole number`],
  [/^Value is expected to have at most (\d+) decimal digits?\.?$/, (label, n) => `${label} must have at most ${n} decimal place${n === '1' ? '' : 's'}`]
];

function named(label, message) {
  for (const [regex, words] of REWORDED) {
    const match = regex.exec(message);
    if (match) {
      return words(label, ...match.slice(1));
    }
  }
  return message.startsWith(label) ? message : `${label}: ${message}`;
}

function nameTheFields(form, injector) {
  const validator = injector.get('validator');
  const registry = injector.get('formFieldRegistry');
  const validateFieldInstance = validator.validateFieldInstance;
  validator.validateFieldInstance = function (fieldInstance, value) {
    const field = registry.get(fieldInstance.id);
    let errors = validateFieldInstance.apply(this, arguments);
    if (!field) {
      return errors;
    }
    const label = labelOf(field);
    if (field.type === 'datetime') {
      const why = notADate.get(`${domId(form, fieldInstance)}-date`);
      if (why) {
        // the typed text, not the date the form still holds, is what is wrong
        errors = [`${label}: ${why}`, ...errors.filter((message) => !/required/.test(message))];
      }
    }
    return errors.map((message) => named(label, message));
  };
}

/**
 * The refusals of a submit as one text, for the red box Tasklist shows ("… : <message>"). Tasklist
 * shows a message as HTML, and a refusal quotes what was typed: its markup is escaped.
 */
function describe(errors) {
  const messages = [];
  const collect = (value) => {
    if (typeof value === 'string') {
      messages.push(value);
    } else if (Array.isArray(value)) {
      value.forEach(collect);
    } else if (value && typeof value === 'object') {
      Object.values(value).forEach(collect);
    }
  };
  collect(errors);
  return [...new Set(messages)].join('\n')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Whether an entry of form-js's errors holds a message (a list's field keeps [] once put right). */
function holdsMessage(value) {
  if (typeof value === 'string') {
    return true;
  }
  if (Array.isArray(value)) {
    return value.some(holdsMessage);
  }
  return Boolean(value && typeof value === 'object' && Object.values(value).some(holdsMessage));
}

/**
 * form-js's errors less the entries that hold no message. A field inside a dynamic list keeps its
 * errors under [field id][row]; once valid, form-js deletes only the row's entry and leaves
 * {Field_X: []}, and Tasklist, which counts the keys, kept Complete disabled for a form with no
 * error at all (form-js 1.8's _update and its "formFieldInstance.validation.update" command).
 */
function withMessages(errors) {
  const keys = Object.keys(errors);
  const kept = keys.filter((key) => holdsMessage(errors[key]));
  return kept.length === keys.length ? errors : Object.fromEntries(kept.map((key) => [key, errors[key]]));
}

function setUpForms(found) {
  const proto = found.Form.prototype;
  if (proto._namesItsErrors) {
    return;
  }
  const createInjector = proto._createInjector;
  proto._createInjector = function () {
    const injector = createInjector.apply(this, arguments);
    forms.add(this);
    nameTheFields(this, injector);
    return injector;
  };
  const submit = proto.submit;
  proto.submit = function () {
    const result = submit.apply(this, arguments);
    if (result && result.errors && Object.keys(result.errors).length) {
      // Tasklist throws the errors and shows the red box with their `message`: give them one,
      // out of sight of Object.keys (Tasklist counts the fields in error with it).
      const errors = { ...result.errors };
      Object.defineProperty(errors, 'message', { value: describe(result.errors), enumerable: false });
      return { ...result, errors };
    }
    return result;
  };
  // A press of Start or Complete is never lost: Tasklist disables the button as soon as form-js
  // reports an error, and pressing the button takes the focus from the field being typed in, whose
  // blur validates it: an empty required field's error disabled the button between the mouse
  // going down and the click, and the click did nothing (no refusal, no focus, no red box). While
  // a button is being pressed Tasklist is told of no errors; the press then submits, the whole form
  // is validated and every refusal is shown, named and focused as below.
  // (form-js's Form sets `this.on = this._onEvent` in its constructor: Tasklist's form.on('changed', …) lands here)
  const on = proto._onEvent;
  proto._onEvent = function (type) {
    const args = [...arguments];
    const at = args.findIndex((arg) => typeof arg === 'function');
    if (type !== 'changed' || at < 0) {
      return on.apply(this, args);
    }
    const listener = args[at];
    args[at] = function (state) {
      if (!state || !state.errors) {
        return listener.call(this, state);
      }
      const errors = pressing ? {} : withMessages(state.errors);
      return listener.call(this, errors === state.errors ? state : { ...state, errors });
    };
    return on.apply(this, args);
  };
  proto._namesItsErrors = true;
  checkTypedDates();
}

withFormJs('casework-form-errors', 'its refusals do not name their fields and typed dates are not checked', setUpForms);

// ---------------------------------------------------------------------------------------------
// Focus after a refused Complete or Start; the red box's title and its link to the field

/** Complete on a task's form, Start in the start dialog: a refusal after either is shown the same way. */
const SUBMIT = 'button[ng-click="complete()"], button[ng-click="startProcessInstance()"]';
/** The red box's title, as the GOV.UK error summary words it, instead of Camunda's. */
const PROBLEM = 'There is a problem';
let completedAt = 0;
let refusals = 0;
/** True from the mouse going down on Start or Complete to its click (see setUpForms). */
let pressing = false;

function pressingSubmit(event) {
  const target = event.target instanceof Element ? event.target : null;
  const button = target && target.closest(SUBMIT);
  if (event.type === 'mousedown' || event.type === 'pointerdown') {
    pressing = Boolean(button && !button.disabled && event.button === 0);
  } else if (event.type === 'click') {
    pressing = false;
  } else if (pressing) {
    // released: the click, if any, follows in the same turn
    setTimeout(() => {
      pressing = false;
    }, 0);
  }
}

function completing(event) {
  const target = event.target instanceof Element ? event.target : null;
  const onSubmit = target && target.closest(SUBMIT);
  const shortcut = event.type === 'keydown' && event.key === 'Enter' && (event.ctrlKey || event.metaKey)
    && target && target.closest('.fjs-container');
  const pressed = event.type === 'click' || event.key === 'Enter' || event.key === ' ';
  if ((onSubmit && pressed) || shortcut) {
    completedAt = Date.now();
    clearRefusals();
  }
}

/**
 * The red boxes of earlier refusals go when the person submits again: a refusal still wrong is shown
 * anew, and after a Complete that succeeds none is left over the task list saying "There is a problem"
 * about a task that is done (walk 14, defect 3). Closed through their own close button, so Tasklist
 * forgets them too; synchronously, before this press's own refusal (if any) is added.
 */
function clearRefusals() {
  document.querySelectorAll('.notifications .alert-danger').forEach((alert) => {
    // the notification's own close (inside uib-alert's transcluded content), which removes it from Tasklist's list
    const close = alert.querySelector('button.close[ng-click^="removeNotification"]');
    if (close) {
      close.click();
    }
  });
}

function focusable(container) {
  return container.querySelector('input:not([type=hidden]):not([disabled]), textarea:not([disabled]), select:not([disabled]), [tabindex]');
}

/** The form the refusal is about: the start dialog's when it is open, else the task's. */
function shownContainer(alert) {
  const modal = alert.closest('.modal');
  return (modal && modal.querySelector('.fjs-container')) || document.querySelector('.fjs-container');
}

function firstFieldInError(container) {
  const field = container && container.querySelector('.fjs-has-errors');
  return field ? focusable(field) : null;
}

function escaped(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The field a server's refusal names, by its variable: "Attendance target (%) (attendanceTarget):
 * must be …" or "pupilUpn: check letter …" (the engine's "Cannot submit task form …: " may come
 * first). The first one named wins; null when it names none of the form's fields.
 */
function namedField(container, message) {
  let best = null;
  for (const form of forms) {
    const own = form._container;
    if (!own || !own.isConnected || !(container.contains(own) || own.contains(container))) {
      continue;
    }
    const registry = form.get('formFieldRegistry', false);
    if (!registry) {
      continue;
    }
    for (const field of registry.getAll()) {
      if (typeof field.key !== 'string' || field.key === '' || field.disabled || field.readonly === true) {
        continue;
      }
      const match = new RegExp(`(^|[\\s(])${escaped(field.key)}\\)?: `).exec(message);
      if (!match || (best && best.at <= match.index)) {
        continue;
      }
      const base = `fjs-form-${form._id}-${field.id}`;
      const element = container.querySelector(`[id="${base}"], [id="${base}-date"]`)
        || [...container.querySelectorAll(`[id^="${base}"]`)].find((candidate) => candidate.matches('input, textarea, select'));
      if (element) {
        best = { at: match.index, field, element };
      }
    }
  }
  return best;
}

/**
 * A refusal from the server that names a field: the message leads with the field's label (as a
 * task's refusal already does), is a link to the field, and the field is marked invalid and
 * described by it. Returns the field's input, or null when the refusal names no field.
 */
function linkToField(alert, container) {
  const text = alert.querySelector('.message');
  if (!text || !container) {
    return null;
  }
  const named = namedField(container, text.textContent);
  if (!named) {
    return null;
  }
  const { field, element } = named;
  const label = labelOf(field);
  let message = text.textContent.trim();
  if (!message.includes(`${label} (${field.key})`)) {
    message = message.replace(new RegExp(`(^|[\\s])${escaped(field.key)}: `), `$1${label} (${field.key}): `);
  }
  refusals += 1;
  text.id = text.id || `casework-refusal-${refusals}`;
  const link = document.createElement('a');
  link.href = `#${element.id}`;
  link.className = 'casework-refusal-link';
  link.textContent = message;
  link.addEventListener('click', (event) => {
    event.preventDefault();
    element.scrollIntoView({ block: 'center' });
    element.focus();
  });
  text.replaceChildren(link);
  element.setAttribute('aria-invalid', 'true');
  const described = (element.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
  if (!described.includes(text.id)) {
    element.setAttribute('aria-describedby', [...described, text.id].join(' '));
  }
  // once the person changes the field, the server's refusal no longer describes it
  element.addEventListener('input', () => {
    element.removeAttribute('aria-invalid');
    const left = (element.getAttribute('aria-describedby') || '').split(/\s+/).filter((id) => id && id !== text.id);
    if (left.length) {
      element.setAttribute('aria-describedby', left.join(' '));
    } else {
      element.removeAttribute('aria-describedby');
    }
  }, { once: true });
  return element;
}

/** The GOV.UK error summary's title, "There is a problem", with the message on its own line under it. */
function retitle(alert) {
  const title = alert.querySelector('.status');
  if (!title || title.textContent.trim() === PROBLEM) {
    return;
  }
  title.textContent = PROBLEM;
  title.nextElementSibling && title.nextElementSibling.matches('strong:not(.status)')
    && title.nextElementSibling.classList.add('casework-hidden-colon');
  alert.classList.add('casework-refusal');
}

function focusAfterRefusal(alert) {
  completedAt = 0;
  retitle(alert);
  // let the form draw its messages first
  setTimeout(() => {
    const container = shownContainer(alert);
    const field = firstFieldInError(container) || linkToField(alert, container);
    if (field) {
      field.scrollIntoView({ block: 'center' });
      field.focus();
      return;
    }
    alert.setAttribute('tabindex', '-1');
    alert.setAttribute('role', 'alert');
    alert.focus();
  }, 100);
}

// ---------------------------------------------------------------------------------------------
// Focus after a Complete that succeeded

/** The first task's link in the list (the next task to work), or the list itself when it is empty. */
function nextPlace() {
  const link = document.querySelector('.tasks-list li.task h4.task a');
  if (link) {
    return link;
  }
  const list = document.querySelector('.tasks-list') || document.querySelector('[cam-tasks]');
  if (list) {
    list.setAttribute('tabindex', '-1');
    list.setAttribute('aria-label', list.getAttribute('aria-label') || 'Tasks');
  }
  return list;
}

/** Stops the current settling of focus after a completion; null when none runs. */
let settling = null;

/**
 * The form of the completed task is gone and Tasklist redraws its list: focus the list's first
 * task, and again each time the list is redrawn under it, until the person does something (a key,
 * a pointer) or has moved on to something else meanwhile. It ends on those signals, not after a
 * time, so a slow redraw still finds the focus placed.
 */
function focusAfterCompletion() {
  completedAt = 0;
  clearRefusals();
  if (settling) {
    settling();
  }
  let placed = null;
  const observer = new MutationObserver(() => place());
  const stop = () => {
    observer.disconnect();
    document.removeEventListener('keydown', stop, true);
    document.removeEventListener('pointerdown', stop, true);
    if (settling === stop) {
      settling = null;
    }
  };
  const place = () => {
    const active = document.activeElement;
    const lost = !active || active === document.body || !active.isConnected;
    if (!lost && active !== placed) {
      stop();
      return;
    }
    const next = nextPlace();
    // the list drawn empty first, its tasks after: move on to the first task's link when it comes
    if (next && (lost || next !== placed)) {
      placed = next;
      placed.focus();
    }
  };
  observer.observe(document.body, { childList: true, subtree: true });
  document.addEventListener('keydown', stop, true);
  document.addEventListener('pointerdown', stop, true);
  settling = stop;
  place();
}

/** Whether a change took the shown task's form away (the task was completed, or another one opened). */
function formRemoved(change) {
  for (const node of change.removedNodes) {
    if (node instanceof Element && (node.matches('.fjs-container') || node.querySelector('.fjs-container'))) {
      return true;
    }
  }
  return false;
}

function nameGroups(root) {
  root.querySelectorAll('.fjs-form-field-radio, .fjs-form-field-checklist').forEach((group) => {
    if (group.hasAttribute('aria-labelledby')) {
      return;
    }
    const label = group.querySelector(':scope > .fjs-form-field-label');
    const first = group.querySelector('input');
    if (!label || !first || !first.id || label.textContent.trim() === '') {
      return;
    }
    label.id = label.id || `${first.id.replace(/-\d+$/, '')}-label`;
    group.setAttribute('role', group.classList.contains('fjs-form-field-radio') ? 'radiogroup' : 'group');
    group.setAttribute('aria-labelledby', label.id);
  });
}

/**
 * The case's history table is a record in the order things happened: its header cells are column
 * headers, not tab stops. form-js makes every header a sort button (tabindex 0, "Click to sort by
 * When descending") that sorts by the words shown, so "3:33pm on 29 November 2026" came after
 * "10:05am on 1 December 2026": five tab stops between the last field and Complete that only put
 * the record out of order.
 */
const HISTORY_HEADER = 'table[id$="_CaseHistory"] th.fjs-table-th';

function plainHistoryHeaders(root) {
  root.querySelectorAll(HISTORY_HEADER).forEach((header) => {
    if (header.hasAttribute('tabindex')) {
      header.removeAttribute('tabindex');
      header.removeAttribute('aria-label');
      header.setAttribute('scope', 'col');
    }
  });
}

function noHistorySorting(event) {
  const target = event.target instanceof Element ? event.target : null;
  if (target && target.closest(HISTORY_HEADER)) {
    // stopped on its way down, before form-js's own handler on the header sorts the record
    event.stopPropagation();
  }
}

function watch() {
  document.addEventListener('click', noHistorySorting, true);
  document.addEventListener('keydown', noHistorySorting, true);
  ['pointerdown', 'mousedown', 'mouseup', 'pointerup', 'pointercancel', 'click'].forEach((type) => {
    document.addEventListener(type, pressingSubmit, true);
  });
  document.addEventListener('click', completing, true);
  document.addEventListener('keydown', completing, true);
  new MutationObserver((changes) => {
    for (const change of changes) {
      // Complete pressed, and the form went away with no refusal shown: the task is done
      if (completedAt && Date.now() - completedAt < 60000 && formRemoved(change)
          && !document.querySelector('.fjs-container') && !document.querySelector('.alert-danger:not(.ng-hide)')) {
        focusAfterCompletion();
      }
      for (const node of change.addedNodes) {
        if (!(node instanceof Element)) {
          continue;
        }
        if (node.closest('.fjs-container') || node.querySelector('.fjs-container, .fjs-form-field')) {
          nameGroups(node.closest('.fjs-container') || node);
          plainHistoryHeaders(node.closest('.fjs-container') || node);
        }
        const alert = node.matches('.alert-danger') ? node : node.querySelector('.alert-danger:not(.ng-hide)');
        if (alert && completedAt && Date.now() - completedAt < 60000 && document.querySelector('.fjs-container')) {
          focusAfterRefusal(alert);
        }
      }
    }
  }).observe(document.body, { childList: true, subtree: true });
}

if (document.body) {
  watch();
} else {
  document.addEventListener('DOMContentLoaded', watch);
}

// No Tasklist plugins: the script only sets forms up before any form is shown.
export default [];
