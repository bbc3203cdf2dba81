package uk.schoolattendance.attendance;

import org.springframework.stereotype.Component;
import uk.schoolattendance.process.ProcessContract;

/**
 * The contract of {@code WatchRegisterFreshness} (bpmn/WatchRegisterFreshness.bpmn): every school
 * day morning, the schools whose register is stale get a {@link StaleRegisterData} instance, and a
 * school whose marks came in again has its instance ended.
 */
@Component
public final class WatchRegisterFreshness implements ProcessContract {

  public static final String KEY = "WatchRegisterFreshness";

  @Override
  public String key() {
    return KEY;
  }

}
