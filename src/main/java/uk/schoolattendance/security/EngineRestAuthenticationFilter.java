package uk.schoolattendance.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;

/**
 * Camunda's HTTP Basic filter for the engine REST API, without its one open door: Camunda lets
 * {@code GET /engine-rest/engine} (the list of engine names) through unauthenticated; here every
 * path needs credentials.
 */
class EngineRestAuthenticationFilter extends ProcessEngineAuthenticationFilter {

  @Override
  protected boolean requiresEngineAuthentication(String requestUrl) {
    return true;
  }
}
