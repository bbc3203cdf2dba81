package uk.schoolattendance.security;

import java.util.List;

/**
 * Who calls the project's API, as Camunda's identity store knows them: the principal of the
 * Spring Security authentication, handed to the engine for the request ({@link EngineAuthenticationBridge}).
 */
record EngineUser(String userId, List<String> groupIds, List<String> tenantIds) {

  EngineUser {
    groupIds = List.copyOf(groupIds);
    tenantIds = List.copyOf(tenantIds);
  }

  @Override
  public String toString() {
    return userId;
  }
}
