// School Attendance Casework: Tasklist's own words are in place before anything is shown.
//
// Tasklist translates the task search box and the sort menu once, when it first draws them
// ($translate.instant in its search widget): if its words (locales/en.json) have not arrived by
// then, as on a first visit from a new browser while the server is busy, the keys stay on the page
// ("CREATION_DATE", "SEARCH_PLACEHOLDER") until it is loaded again. Tasklist takes its words from
// the browser's store first and only then asks the server; this script, which Tasklist waits for
// before it starts, puts them in that store, so they are there whatever answers first.
// browser/TasklistWordsBrowserTest shows it with Tasklist's own request for them held back.
const LOCALE = 'en';

async function wordsFirst() {
  const root = document.querySelector('base').getAttribute('app-root');
  const prefix = `${root}/app/tasklist/locales/`;
  // the key Tasklist's locale loader reads ("<prefix>_locales_data_<locale>_<version>")
  const key = `${prefix}_locales_data_${LOCALE}_${window.bust}`;
  const store = JSON.parse(window.localStorage.getItem('camunda-web') || '{}');
  if (store[key]) {
    return;
  }
  // Tasklist waits for this script: a request that stalls must not hold it back (it then loads
  // its words itself)
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), 3000);
  let words;
  try {
    const response = await fetch(`${prefix}${LOCALE}.json`, { credentials: 'same-origin', signal: abort.signal });
    if (!response.ok) {
      return;
    }
    // the body too: the abort also ends a body that stalls
    words = await response.json();
  } finally {
    clearTimeout(timer);
  }
  if (!words || !words.labels) {
    return;
  }
  // read again: another tab may have written the store meanwhile
  const latest = JSON.parse(window.localStorage.getItem('camunda-web') || '{}');
  latest[key] = JSON.stringify(words);
  window.localStorage.setItem('camunda-web', JSON.stringify(latest));
}

try {
  await wordsFirst();
} catch (error) {
  // Tasklist then loads its words itself, as it would without this script
  console.warn('Tasklist words not stored ahead:', error);
}

// No Tasklist plugins: the script only puts the words in place before Tasklist starts.
export default [];
