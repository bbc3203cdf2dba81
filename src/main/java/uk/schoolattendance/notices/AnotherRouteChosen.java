package uk.schoolattendance.notices;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing "Choose another route": {@code alternativeRoute} must be one of the four routes. */
@Component("anotherRouteChosen")
public class AnotherRouteChosen implements TaskListener {

  static final Set<String> ROUTES =
      Set.of("prosecution", "education-supervision-order", "attendance-contract", "early-help");

  @Override
  public void notify(DelegateTask task) {
    Inputs.oneOf(task, "alternativeRoute", ROUTES);
  }
}
