package uk.schoolattendance.casework;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.schoolattendance.process.Parent;

/**
 * The day a parent was added after the Notice to Improve is the day in the authority's configured
 * zone ({@code attendance.calendar.zone}), not always London's.
 */
class NoticeToImproveReceiptsZoneTest {

  @Test
  void theDayAParentWasAddedIsItsDayInTheConfiguredZone() {
    ArrayNode history = JsonNodeFactory.instance.arrayNode();
    // 11:30pm on 8 December in London is already 9 December in Auckland
    history.addObject().put("date", "2026-12-08T23:30:00Z").put("event", "Parent added")
        .put(NoticeToImproveReceipts.AFTER_NOTICE_TO_IMPROVE, true).put(NoticeToImproveReceipts.PERSON, "parent-2");
    List<Parent> parents = List.of(new Parent("parent-2", "Jo Parent", "1 High Street", null));

    assertThat(NoticeToImproveReceipts.shown(history, parents, ZoneId.of("Pacific/Auckland"))).contains("added on 9 December 2026");
    assertThat(NoticeToImproveReceipts.shown(history, parents, ZoneId.of("Europe/London"))).contains("added on 8 December 2026");
  }
}
