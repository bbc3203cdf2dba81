package uk.schoolattendance.casefile.casepage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.schoolattendance.court.CourtProceedings;
import uk.schoolattendance.process.Days;

/**
 * A read-only box in a Tasklist form shows the whole of its value (walkthrough item 13: the case
 * reference box, 3 of the form's 16 columns, showed "AC-2026-00"). Tasklist's form panel at
 * 1280 px gives a column 31 px (the walk measured the 3-column box at 93 px); a value needs about
 * 7.5 px a character in the form's font plus 20 px of the box's padding. Each value here is the
 * longest the variable holds.
 */
class FormFieldsFitTest {

  static final double COLUMN_PX = 31;
  static final double CHARACTER_PX = 7.5;
  static final double PADDING_PX = 20;

  private static final LocalDate LONGEST_DAY = LocalDate.of(2026, 9, 30);

  /** The longest value each read-only display variable shows. */
  static final Map<String, String> LONGEST = Map.ofEntries(
      Map.entry("caseReference", "AC-2026-000001"),
      Map.entry("noticeNumber", "PN-2026-000002"),
      Map.entry("pupilUpn", "L801200000002"),
      Map.entry("schoolUrn", "100001"),
      Map.entry("stageShown", "Listen and understand"),
      Map.entry("attendanceBandShown", "Not persistent absence"),
      Map.entry("term", "2026-27 summer"),
      Map.entry("deliveryMethod", "post"),
      Map.entry("offencePeriodShown", Days.shown(LONGEST_DAY, LONGEST_DAY.plusMonths(2).plusDays(17))),
      Map.entry("proposedOffencePeriodShown", Days.shown(LONGEST_DAY, LONGEST_DAY.plusMonths(2).plusDays(17))),
      Map.entry("proceedingsTypeShown", CourtProceedings.proceedingsShown(CourtProceedings.EDUCATION_SUPERVISION_ORDER)),
      Map.entry("offenceSectionShown", CourtProceedings.sectionShown(CourtProceedings.S444_1A)),
      Map.entry("issuedOnShown", Days.shown(LONGEST_DAY)),
      Map.entry("deemedReceivedOnShown", Days.shown(LONGEST_DAY)),
      Map.entry("finalDeadlineShown", Days.shown(LONGEST_DAY)),
      Map.entry("informationDeadlineShown", Days.shown(LONGEST_DAY)),
      Map.entry("hearingDateShown", Days.shown(LONGEST_DAY)),
      Map.entry("supervisionOrderDecisionDueShown", Days.shown(LONGEST_DAY)),
      Map.entry("dataPackAsOfShown", Days.shown(LONGEST_DAY)),
      Map.entry("noticeToImproveIssuedOnShown", Days.shown(LONGEST_DAY)),
      Map.entry("noticeToImproveEndsOnShown", Days.shown(LONGEST_DAY)));

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyReadOnlyBoxIsWideEnoughForTheLongestValueItShows() throws IOException {
    List<String> cut = new ArrayList<>();
    for (Path form : FormsReadAsWrittenTest.forms()) {
      for (JsonNode field : FormsReadAsWrittenTest.components(JSON.readTree(form.toFile()))) {
        String longest = LONGEST.get(field.path("key").asText());
        JsonNode columns = field.path("layout").path("columns");
        if (field.path("disabled").asBoolean() && longest != null && columns.isInt()) {
          double needed = needed(longest);
          if (columns.asInt() * COLUMN_PX < needed) {
            cut.add("%s %s: %d columns (%.0f px) for \"%s\" (%.0f px)".formatted(form.getFileName(),
                field.path("id").asText(), columns.asInt(), columns.asInt() * COLUMN_PX, longest, needed));
          }
        }
      }
    }
    assertThat(cut).as("read-only boxes that cut their value").isEmpty();
  }

  /** The measure agrees with what the walk saw: a 3-column box cut a case reference, a 4-column one showed a whole UPN. */
  @Test
  void theMeasureAgreesWithTheBrowser() {
    assertThat(3 * COLUMN_PX).isLessThan(needed("AC-2026-000001"));
    assertThat(4 * COLUMN_PX).isGreaterThanOrEqualTo(needed("L801200000002"));
  }

  private static double needed(String value) {
    return value.length() * CHARACTER_PX + PADDING_PX;
  }
}
