package uk.schoolattendance.browser;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Browser tests need Debian's chromium and chromium-driver. Without them each test is reported
 * as skipped with the reason, so a local run says what it did not test; where a browser is
 * required ({@code ATTENDANCE_BROWSER_TESTS=required}, which {@code .ci/run} sets) the tests run
 * and fail instead of being skipped.
 */
final class ChromiumCondition implements ExecutionCondition {

  static final String REQUIRED = "ATTENDANCE_BROWSER_TESTS";

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (Browser.available()) {
      return ConditionEvaluationResult.enabled("Chromium found at " + Browser.CHROMIUM);
    }
    if ("required".equals(System.getenv(REQUIRED))) {
      return ConditionEvaluationResult.enabled(
          REQUIRED + "=required: the test runs and fails, there is no " + Browser.CHROMIUM + " or " + Browser.CHROMEDRIVER);
    }
    if (context.getTestMethod().isEmpty()) {
      return ConditionEvaluationResult.enabled("each test method reports the skip itself");
    }
    return ConditionEvaluationResult.disabled(
        "skipped: no " + Browser.CHROMIUM + " or " + Browser.CHROMEDRIVER
            + " (apt-get install chromium chromium-driver, as .ci/install does)");
  }
}
