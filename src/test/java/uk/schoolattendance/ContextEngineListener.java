package uk.schoolattendance;

import org.camunda.bpm.admin.Admin;
import org.camunda.bpm.admin.impl.DefaultAdminRuntimeDelegate;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.cockpit.impl.DefaultCockpitRuntimeDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.tasklist.Tasklist;
import org.camunda.bpm.tasklist.impl.DefaultTasklistRuntimeDelegate;
import org.camunda.bpm.welcome.Welcome;
import org.camunda.bpm.welcome.impl.DefaultWelcomeRuntimeDelegate;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Makes every Spring test talk to its own context's engine, whatever ran before it in this JVM.
 *
 * <p>Camunda keeps three kinds of state in static fields: the engines by name
 * ({@link ProcessEngines}, which the engine REST API and the webapps look engines up in), the
 * webapps' runtime delegates (Admin, Cockpit, Tasklist, Welcome: set when a web server starts,
 * set to null when any web server of the JVM stops) and the engine clock ({@link ClockUtil}).
 * Spring caches test contexts and several live in one JVM (each with an engine called
 * "default"); a context started later, or one closed by another test, left the REST API and the
 * webapps of a cached context pointing at another engine or at nothing: tests passed or failed
 * by the order Surefire ran them in. Before each test method this listener puts the state back
 * for the context the test runs in. Registered in {@code META-INF/spring.factories}.
 */
public class ContextEngineListener implements TestExecutionListener {

  private static ApplicationContext current;

  @Override
  public void beforeTestMethod(TestContext testContext) {
    ApplicationContext context = testContext.getApplicationContext();
    TestClock.reset();
    if (context.getBeanNamesForType(ProcessEngine.class).length == 0) {
      return;
    }
    ProcessEngine engine = context.getBean(ProcessEngine.class);
    if (ProcessEngines.getProcessEngine(engine.getName(), false) != engine) {
      ProcessEngines.registerProcessEngine(engine);
    }
    boolean delegatesMissing =
        Admin.getRuntimeDelegate() == null
            || Cockpit.getRuntimeDelegate() == null
            || Tasklist.getRuntimeDelegate() == null
            || Welcome.getRuntimeDelegate() == null;
    if (context != current || delegatesMissing) {
      // Fresh delegates, as each webapp's bootstrap creates them: the Cockpit delegate caches
      // a command executor per engine name, which would otherwise still reach a closed engine.
      Admin.setAdminRuntimeDelegate(new DefaultAdminRuntimeDelegate());
      Cockpit.setCockpitRuntimeDelegate(new DefaultCockpitRuntimeDelegate());
      Tasklist.setTasklistRuntimeDelegate(new DefaultTasklistRuntimeDelegate());
      Welcome.setRuntimeDelegate(new DefaultWelcomeRuntimeDelegate());
      current = context;
    }
  }

  @Override
  public void afterTestMethod(TestContext testContext) {
    TestClock.reset();
  }
}
