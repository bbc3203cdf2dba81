package uk.schoolattendance.engine;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendarManager;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CompositeProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;
import uk.schoolattendance.schools.CalendarProperties;

/**
 * The authority's time zone ({@code attendance.calendar.zone}) as the engine running the current
 * command knows it: a plugin of each engine, found through the command's own engine
 * configuration. Code that has no bean to hand (a variable's type reading a calendar day kept as
 * a Date by an earlier version) reads the configured zone here; nothing static is kept, so two
 * applications (two Spring contexts in one test JVM) with different zones never see each other's.
 *
 * <p>The engine's timer cycles given as cron expressions ({@code 0 0 7 ? * MON-FRI}) are read in
 * this zone too: Camunda reads them in the server's zone, so on a server kept in UTC "07:00" was
 * 08:00 in England all summer. ISO 8601 cycles ({@code R/...}) are Camunda's as before.
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

  /** Cron cycles in the configured zone (the default calendars are in place once the engine is initialised). */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    BusinessCalendarManager calendars = configuration.getBusinessCalendarManager();
    if (!(calendars instanceof MapBusinessCalendarManager map)) {
      throw new IllegalStateException("The engine's business calendars are not Camunda's map of calendars; cron cycles would be read"
          + " in the server's zone instead of attendance.calendar.zone " + zone);
    }
    map.addBusinessCalendar(CycleBusinessCalendar.NAME, new ZonedCycles(zone));
  }

  /** Camunda's cycle calendar, with a cron expression's next time found in {@code zone}. */
  static final class ZonedCycles extends CycleBusinessCalendar {
    private final ZoneId zone;

    ZonedCycles(ZoneId zone) {
      this.zone = zone;
    }

    @Override
    public Date resolveDuedate(String cycle, Date startDate, long repeatOffset) {
      if (cycle.startsWith("R")) {
        return super.resolveDuedate(cycle, startDate, repeatOffset);
      }
      Date after = startDate == null ? ClockUtil.getCurrentTime() : startDate;
      CronExpression cron;
      try {
        cron = CronExpression.parse(cycle);
      } catch (IllegalArgumentException e) {
        return super.resolveDuedate(cycle, startDate, repeatOffset); // Camunda's own error for a bad cycle
      }
      ZonedDateTime next = cron.next(ZonedDateTime.ofInstant(after.toInstant(), zone));
      return next == null ? null : Date.from(next.toInstant());
    }
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
