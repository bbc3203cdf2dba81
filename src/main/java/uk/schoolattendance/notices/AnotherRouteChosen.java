package uk.schoolattendance.notices;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.Inputs;

/** Completing "Choose another route": {@code alternativeRoute} must be one of the four routes. */
@Component("anotherRouteChosen")
public class AnotherRouteChosen implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Inputs.oneOf(task, PenaltyNotice.ALTERNATIVE_ROUTE, PenaltyNotice.ALTERNATIVE_ROUTES, null);
    Inputs.optionalText(task, PenaltyNotice.ROUTE_NOTES, Inputs.TEXT_MAX);
  }
}
