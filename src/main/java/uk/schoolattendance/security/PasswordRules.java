package uk.schoolattendance.security;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.springframework.stereotype.Component;

/**
 * The password policy: Camunda's default rules (10 characters, upper and lower case, a digit, a
 * special character, not the user's own data) and {@link CommonPasswords}. Applies wherever a
 * password is set: the Admin webapp, Tasklist's profile page, the engine REST API, the first
 * administrator. {@link #reasons} says in words what a refused password broke.
 */
@Component
class PasswordRules extends AbstractProcessEnginePlugin {

  private static final Map<String, String> REASONS =
      Map.of(
          "PASSWORD_POLICY_LENGTH", "must be at least " + DefaultPasswordPolicyImpl.MIN_LENGTH + " characters long",
          "PASSWORD_POLICY_LOWERCASE", "must contain a lower-case letter",
          "PASSWORD_POLICY_UPPERCASE", "must contain an upper-case letter",
          "PASSWORD_POLICY_DIGIT", "must contain a digit",
          "PASSWORD_POLICY_SPECIAL", "must contain a special character",
          "PASSWORD_POLICY_USER_DATA", "must not contain the user's id, name or e-mail address",
          CommonPasswords.PLACEHOLDER,
              "is a common password, or a common word with capitals, digits or symbols added (such as Password1! or"
                  + " Summer2026!), which attackers try first: choose a passphrase of three or four unrelated words");

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DefaultPasswordPolicyImpl policy = new DefaultPasswordPolicyImpl();
    policy.getRules().add(new CommonPasswords());
    configuration.setPasswordPolicy(policy);
  }

  /** "password: must …; is a common password …" for the rules a password broke. */
  static String reasons(List<PasswordPolicyRule> violated) {
    return "password: "
        + violated.stream()
            .map(rule -> REASONS.getOrDefault(rule.getPlaceholder(), "breaks the rule " + rule.getPlaceholder()))
            .collect(Collectors.joining("; "));
  }
}
