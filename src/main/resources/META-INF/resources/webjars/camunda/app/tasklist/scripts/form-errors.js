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
// - After a refused Complete, focus goes to the first field in error (its message is linked to it)
//   or, for a refusal from the server, to the red box, not to the page's <body>.
// - A group of radio buttons (or checkboxes) is a group named by its label, so a screen reader
//   says "Does the parent agree to an early help assessment? Yes, radio button".
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
      const today = new Date();
      const isToday = earliest.toDateString() === today.toDateString();
      return isToday ? `${text} is in the past: the date must be today or later`
        : `${text} is too early: the date must be ${dayMonthYear(earliest)} or later`;
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
  proto._namesItsErrors = true;
  checkTypedDates();
}

withFormJs('casework-form-errors', 'its refusals do not name their fields and typed dates are not checked', setUpForms);

// ---------------------------------------------------------------------------------------------
// Focus after a refused Complete; named groups of radio buttons and checkboxes

const COMPLETE = 'button[ng-click="complete()"]';
let completedAt = 0;

function completing(event) {
  const target = event.target instanceof Element ? event.target : null;
  const onComplete = target && target.closest(COMPLETE);
  const shortcut = event.type === 'keydown' && event.key === 'Enter' && (event.ctrlKey || event.metaKey)
    && target && target.closest('.fjs-container');
  const pressed = event.type === 'click' || event.key === 'Enter' || event.key === ' ';
  if ((onComplete && pressed) || shortcut) {
    completedAt = Date.now();
  }
}

function firstFieldInError() {
  const field = document.querySelector('.fjs-container .fjs-has-errors');
  if (!field) {
    return null;
  }
  return field.querySelector('input:not([type=hidden]):not([disabled]), textarea:not([disabled]), select:not([disabled]), [tabindex]');
}

function focusAfterRefusal(alert) {
  completedAt = 0;
  // let the form draw its messages first
  setTimeout(() => {
    const field = firstFieldInError();
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

function watch() {
  document.addEventListener('click', completing, true);
  document.addEventListener('keydown', completing, true);
  new MutationObserver((changes) => {
    for (const change of changes) {
      for (const node of change.addedNodes) {
        if (!(node instanceof Element)) {
          continue;
        }
        if (node.closest('.fjs-container') || node.querySelector('.fjs-container, .fjs-form-field')) {
          nameGroups(node.closest('.fjs-container') || node);
        }
        const alert = node.matches('.alert-danger') ? node : node.querySelector('.alert-danger');
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
