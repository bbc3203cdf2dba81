package uk.schoolattendance.engine;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CompositeProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;
import uk.schoolattendance.schools.CalendarProperties;

/**
 * The authority's time zone ({@code attendance.calendar.zone}) as the engine running the current
 * command knows it: a plugin of each engine, found through the command's own engine
 * configuration. Code that has no bean to hand (a variable's type reading a calendar day kept as
 * a Date by an earlier version) reads the configured zone here; nothing static is kept, so two
 * applications (two Spring contexts in one test JVM) with different zones never see each other's.
 */
@Component
public class EngineZone extends AbstractProcessEnginePlugin {

  private final ZoneId zone;

  public EngineZone(CalendarProperties calendar) {
    this.zone = calendar.zone();
  }

  public ZoneId zone() {
    return zone;
  }

  /** The configured zone of the engine running the current command; empty outside a command or without this plugin. */
  public static Optional<ZoneId> ofCurrentCommand() {
    ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
    return configuration == null ? Optional.empty() : find(configuration.getProcessEnginePlugins());
  }

  private static Optional<ZoneId> find(List<ProcessEnginePlugin> plugins) {
    if (plugins == null) {
      return Optional.empty();
    }
    for (ProcessEnginePlugin plugin : plugins) {
      if (plugin instanceof EngineZone own) {
        return Optional.of(own.zone);
      }
      if (plugin instanceof CompositeProcessEnginePlugin composite) {
        Optional<ZoneId> found = find(composite.getPlugins());
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }
}
