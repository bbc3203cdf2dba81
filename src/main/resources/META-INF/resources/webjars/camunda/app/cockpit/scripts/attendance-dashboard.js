// Cockpit dashboard plugin: the managers' overview of the attendance service.
// Reads GET /api/reports/dashboard with the Cockpit session (read-only, same origin); the
// figures are engine queries run as the signed-in user, so each user sees only what they may. A
// tile counting cases the user may not read says so instead of 0; a tile whose cases the case
// file lists links to that list (the answer's `links`); a tile with no list says it is a count only.
const STYLE = `
  .attendance-dashboard { display: flex; flex-wrap: wrap; gap: 12px; margin: 8px 0 20px; }
  .attendance-dashboard section { border: 1px solid #ccc; border-radius: 4px; padding: 8px 14px; min-width: 180px; }
  .attendance-dashboard h4 { margin: 0 0 6px; font-size: 13px; text-transform: uppercase; color: #555; }
  .attendance-dashboard .figure { font-size: 28px; font-weight: bold; }
  .attendance-dashboard .warn { color: #b5152b; }
  .attendance-dashboard table { border-collapse: collapse; }
  .attendance-dashboard td { padding: 1px 10px 1px 0; }
  .attendance-dashboard .not-shown-words { max-width: 200px; margin: 0; color: #555; }
  .attendance-dashboard a.attendance-tile-link { color: inherit; text-decoration: underline; }
`;

function text(value) {
  return String(value === null || value === undefined ? '' : value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Words for a tile whose cases the viewer may not read: not a bare 0 (walk 14, defect 13). */
const NOT_YOURS = 'Not shown: your role does not include reading attendance cases';

function linked(content, href, title) {
  return href ? `<a class="attendance-tile-link" href="${text(href)}" title="${text(`The cases: ${title}`)}">${content}</a>` : content;
}

/**
 * Words for a tile that has no list to open: it is a count only, and where its items are listed
 * instead. Every other tile that counts cases opens the case file's list of them (the answer's links).
 */
const COUNT_ONLY = {
  tasksOverdue: 'Count only: each person finds their overdue tasks in Tasklist, sorted by due date',
  penaltyNoticesOpen: 'Count only: notices, not cases; the compliance team’s penalty notice register lists each one'
};

function figure(title, value, warn, href, countOnly) {
  if (value === null || value === undefined) {
    return `<section class="not-shown"><h4>${text(title)}</h4><p class="not-shown-words">${text(NOT_YOURS)}</p></section>`;
  }
  const note = !href && countOnly ? `<p class="not-shown-words count-only">${text(countOnly)}</p>` : '';
  return `<section><h4>${text(title)}</h4><div class="figure${warn && value > 0 ? ' warn' : ''}">${linked(text(value), href, title)}</div>${note}</section>`;
}

function table(title, rows) {
  if (rows === null) {
    return figure(title, null);
  }
  const body = rows.map(([k, v, href]) => `<tr><td>${text(k)}</td><td><b>${linked(text(v), href, k)}</b></td></tr>`).join('');
  return `<section><h4>${text(title)}</h4><table>${body}</table></section>`;
}

export function renderDashboard(data) {
  const links = data.links || {};
  // the tiles that count attendance cases: "not shown" for a viewer the engine lets read none
  const cases = (value) => (data.readsCases === false ? null : value);
  const levels = Object.entries(data.casesByLevel || {}).map(([level, count]) => [`Level ${level}`, count, links[`level-${level}`]]);
  const officers = (data.tasksByOfficer || []).map((o) => [o.name || o.userId, o.openTasks]);
  const failedMoves = data.failedMoves === null || data.failedMoves === undefined ? ''
    : figure('Cases that did not follow their pupil', data.failedMoves, true, links.failedMoves);
  return `<style>${STYLE}</style><h3>Attendance service overview</h3><div class="attendance-dashboard">
    ${figure('Open cases', cases(data.openCases), false, links.openCases)}
    ${table('Caseload by level', data.readsCases === false ? null : levels)}
    ${table('Open tasks by officer', data.readsCases === false ? null : officers)}
    ${figure('Reviews due this week', cases(data.reviewsDueThisWeek), false, links.reviewsDueThisWeek)}
    ${figure('Reviews overdue', cases(data.reviewsOverdue), true, links.reviewsOverdue)}
    ${figure('Tasks overdue', cases(data.tasksOverdue), true, links.tasksOverdue, COUNT_ONLY.tasksOverdue)}
    ${figure('Notices to Improve ending this week', cases(data.noticesToImproveEndingThisWeek), false,
    links.noticesToImproveEndingThisWeek)}
    ${figure('Penalty notices awaiting payment or a decision', cases(data.penaltyNoticesOpen), false,
    links.penaltyNoticesOpen, COUNT_ONLY.penaltyNoticesOpen)}
    ${failedMoves}
    ${figure('Incidents', data.incidents, true)}
  </div>`;
}

export default [
  {
    id: 'attendance.dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 20,
    render: (node) => {
      node.innerHTML = '<p>Loading the attendance overview…</p>';
      fetch('/api/reports/dashboard', {
        credentials: 'same-origin',
        headers: { Accept: 'application/json' }
      })
        .then((response) => {
          if (!response.ok) {
            throw new Error(`the overview answered ${response.status}`);
          }
          return response.json();
        })
        .then((data) => {
          node.innerHTML = renderDashboard(data);
        })
        .catch((error) => {
          node.innerHTML = `<p>The attendance overview is not available: ${text(error.message)}</p>`;
        });
    }
  }
];
