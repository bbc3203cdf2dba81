// Cockpit dashboard plugin: the managers' overview of the attendance service.
// Reads GET /api/reports/dashboard with the Cockpit session (read-only, same origin); the
// figures are engine queries run as the signed-in user, so each user sees only what they may.
const STYLE = `
  .attendance-dashboard { display: flex; flex-wrap: wrap; gap: 12px; margin: 8px 0 20px; }
  .attendance-dashboard section { border: 1px solid #ccc; border-radius: 4px; padding: 8px 14px; min-width: 180px; }
  .attendance-dashboard h4 { margin: 0 0 6px; font-size: 13px; text-transform: uppercase; color: #555; }
  .attendance-dashboard .figure { font-size: 28px; font-weight: bold; }
  .attendance-dashboard .warn { color: #b5152b; }
  .attendance-dashboard table { border-collapse: collapse; }
  .attendance-dashboard td { padding: 1px 10px 1px 0; }
`;

function text(value) {
  return String(value === null || value === undefined ? '' : value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function figure(title, value, warn) {
  return `<section><h4>${text(title)}</h4><div class="figure${warn && value > 0 ? ' warn' : ''}">${text(value)}</div></section>`;
}

function table(title, rows) {
  const body = rows.map(([k, v]) => `<tr><td>${text(k)}</td><td><b>${text(v)}</b></td></tr>`).join('');
  return `<section><h4>${text(title)}</h4><table>${body}</table></section>`;
}

export function renderDashboard(data) {
  const levels = Object.entries(data.casesByLevel || {}).map(([level, count]) => [`Level ${level}`, count]);
  const officers = (data.tasksByOfficer || []).map((o) => [o.name || o.userId, o.openTasks]);
  return `<style>${STYLE}</style><h3>Attendance service overview</h3><div class="attendance-dashboard">
    ${figure('Open cases', data.openCases)}
    ${table('Caseload by level', levels)}
    ${table('Open tasks by officer', officers)}
    ${figure('Reviews due this week', data.reviewsDueThisWeek)}
    ${figure('Reviews overdue', data.reviewsOverdue, true)}
    ${figure('Tasks overdue', data.tasksOverdue, true)}
    ${figure('Notices to Improve ending this week', data.noticesToImproveEndingThisWeek)}
    ${figure('Penalty notices awaiting payment or a decision', data.penaltyNoticesOpen)}
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
