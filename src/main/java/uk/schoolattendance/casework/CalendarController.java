package uk.schoolattendance.casework;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.schoolattendance.security.Administrators;

/**
 * {@code POST /api/calendar/recalculate-timers} (administrators): after the term dates in the
 * configuration change (and the application restarted with them), moves every waiting
 * school-week timer to its base date plus its school weeks on the new calendar.
 */
@RestController
class CalendarController {

  private final SchoolWeekTimers timers;
  private final Administrators administrators;

  CalendarController(SchoolWeekTimers timers, Administrators administrators) {
    this.timers = timers;
    this.administrators = administrators;
  }

  @PostMapping("/api/calendar/recalculate-timers")
  Map<String, Object> recalculate() {
    administrators.require();
    List<SchoolWeekTimers.Moved> moved = timers.recalculate();
    return Map.of("moved", moved.size(), "timers", moved);
  }
}
