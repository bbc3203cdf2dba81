package uk.schoolattendance.security;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.ProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import uk.schoolattendance.process.InvalidInputException;

/**
 * A deployment is deleted without taking cases with it: only an administrator deletes one with
 * {@code cascade} (which deletes its process instances, running or ended, and their history: the
 * case file), and a deployment whose instances are running is not deleted without it. Camunda
 * lets whoever may delete a deployment cascade, and answers the second with a server error.
 */
class GuardedRepositoryService extends RepositoryServiceImpl {

  @Override
  public void deleteDeployment(String deploymentId) {
    mayDelete(deploymentId, false);
    super.deleteDeployment(deploymentId);
  }

  @Override
  public void deleteDeploymentCascade(String deploymentId) {
    mayDelete(deploymentId, true);
    super.deleteDeploymentCascade(deploymentId);
  }

  @Override
  public void deleteDeployment(String deploymentId, boolean cascade) {
    mayDelete(deploymentId, cascade);
    super.deleteDeployment(deploymentId, cascade);
  }

  @Override
  public void deleteDeployment(String deploymentId, boolean cascade, boolean skipCustomListeners) {
    mayDelete(deploymentId, cascade);
    super.deleteDeployment(deploymentId, cascade, skipCustomListeners);
  }

  @Override
  public void deleteDeployment(String deploymentId, boolean cascade, boolean skipCustomListeners, boolean skipIoMappings) {
    mayDelete(deploymentId, cascade);
    super.deleteDeployment(deploymentId, cascade, skipCustomListeners, skipIoMappings);
  }

  private void mayDelete(String deploymentId, boolean cascade) {
    if (deploymentId == null) {
      return; // Camunda answers that itself
    }
    commandExecutor.execute(
        commandContext -> {
          Authentication user = commandContext.getAuthentication();
          boolean person = commandContext.isAuthorizationCheckEnabled() && user != null && user.getUserId() != null;
          if (cascade && person && !commandContext.getAuthorizationManager().isCamundaAdmin(user)) {
            throw new AuthorizationException(
                "Only administrators may delete a deployment together with its process instances and their history (cascade).");
          }
          long running =
              commandContext.runWithoutAuthorization(
                  () ->
                      commandContext
                          .getExecutionManager()
                          .findProcessInstanceCountByQueryCriteria(
                              (ProcessInstanceQueryImpl) new ProcessInstanceQueryImpl().deploymentId(deploymentId)));
          if (!cascade && running > 0) {
            throw new InvalidInputException(
                "deployment",
                running + (running == 1 ? " process instance" : " process instances")
                    + " of it are running; they must end first, or an administrator deletes them with it (cascade=true)");
          }
          return null;
        });
  }
}
