package uk.schoolattendance.casefile.models;

import java.util.List;

/**
 * The analysts' page (templates/casefile/models.html): the deployed processes, decisions and
 * forms, each with its versions, newest first.
 *
 * @param processes the process definitions, by key
 * @param decisions the decision definitions, by key
 * @param forms the Camunda Forms, by file name
 * @param more some versions or deployments were left out (the page shows the newest {@link DeployedModels#LIMIT})
 */
public record ModelsPage(List<Model> processes, List<Model> decisions, List<Model> forms, boolean more) {

  public ModelsPage {
    processes = List.copyOf(processes);
    decisions = List.copyOf(decisions);
    forms = List.copyOf(forms);
  }

  /** One process, decision or form and its deployed versions, newest first. */
  public record Model(String key, String name, List<Version> versions) {

    public Model {
      versions = List.copyOf(versions);
    }
  }

  /**
   * One deployed version.
   *
   * @param version the engine's version number (a form's: its place among the deployments holding it)
   * @param versionTag the model's {@code versionTag}, or empty
   * @param deployment the deployment's name
   * @param deployedOn when, as "9:05am on 28 May 2027"
   * @param deployedBy who: a person's name, or the application at start-up
   * @param cockpit the version's page in Cockpit
   */
  public record Version(int version, String versionTag, String deployment, String deployedOn, String deployedBy, String cockpit) {}
}
