// The case file's pages work without JavaScript; where it runs, GOV.UK Frontend's components
// enhance them (error summary focus, the navigation's menu button on small screens).
import { initAll } from '../govuk/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();
