package uk.schoolattendance.casefile.models;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import uk.schoolattendance.casefile.Navigation;
import uk.schoolattendance.casefile.PageForbiddenException;
import uk.schoolattendance.casefile.Viewer;
import uk.schoolattendance.casefile.Viewers;

/**
 * The analysts' landing page ({@code /casework/models}): what is deployed, with its versions and
 * links to Cockpit, and how to change and deploy a model (docs/analysts.md). Analysts see no case
 * data, so this, not "Find a pupil", is where they land. Anyone else gets "Page not found".
 */
@Controller
class ModelsController {

  private final DeployedModels models;
  private final Viewers viewers;

  ModelsController(DeployedModels models, Viewers viewers) {
    this.models = models;
    this.viewers = viewers;
  }

  @GetMapping(Navigation.MODELS)
  String models(HttpServletRequest request, Model model) {
    Viewer viewer = viewers.current(request);
    if (!viewer.changesModels()) {
      throw new PageForbiddenException("the processes, decisions and forms page for " + viewer.userId());
    }
    model.addAttribute("page", models.page());
    // where the Modeler deploys to: this server's engine REST API
    model.addAttribute("engineRest", ServletUriComponentsBuilder.fromContextPath(request).path("/engine-rest").toUriString());
    return "casefile/models";
  }
}
