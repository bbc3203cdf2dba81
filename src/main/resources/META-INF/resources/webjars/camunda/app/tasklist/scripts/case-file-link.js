// School Attendance Casework: a task's "Case file" tab in Tasklist, linking to the case's page
// (/casework/cases/{caseReference}) with the same login. The case reference is read as the
// signed-in user through Tasklist's own API, so the engine's authorizations apply; a task with
// no case reference (a meeting, a register review) says so.
const ENGINE = '/camunda/api/engine/engine/default';
const REFERENCE = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/;

function text(value) {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

export default [
  {
    id: 'attendance.case-file',
    pluginPoint: 'tasklist.task.detail',
    priority: -100,
    label: 'Case file',
    render: (node, { taskId }) => {
      node.innerHTML = '<p>Looking for the case…</p>';
      fetch(`${ENGINE}/task/${encodeURIComponent(taskId)}/form-variables?variableNames=caseReference`, {
        credentials: 'same-origin',
        headers: { Accept: 'application/json' }
      })
        .then((response) => {
          if (!response.ok) {
            throw new Error(`the task answered ${response.status}`);
          }
          return response.json();
        })
        .then((variables) => {
          const reference = variables.caseReference && variables.caseReference.value;
          if (typeof reference !== 'string' || !REFERENCE.test(reference)) {
            node.innerHTML = '<p>This task belongs to no attendance case.</p>';
            return;
          }
          node.innerHTML =
            `<p><a id="case-file-link" href="/casework/cases/${encodeURIComponent(reference)}">` +
            `Open case ${text(reference)} in the case file</a>: its history, notes, letters and attendance.</p>`;
        })
        .catch((error) => {
          node.innerHTML = `<p>The case file link is not available: ${text(error.message)}</p>`;
        });
    }
  }
];
