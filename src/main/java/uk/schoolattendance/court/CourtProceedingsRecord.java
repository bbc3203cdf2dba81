package uk.schoolattendance.court;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One set of court proceedings as {@code court_proceedings} holds it. */
public record CourtProceedingsRecord(
    String processInstanceId,
    String caseReference,
    String noticeNumber,
    String pupilUpn,
    String pupilName,
    String schoolUrn,
    String parentIds,
    String proceedingsType,
    String offenceSection,
    LocalDate informationDeadline,
    LocalDate hearingDate,
    String courtOutcome,
    BigDecimal fineAmount,
    Integer orderMonths,
    LocalDate orderEndsOn,
    LocalDate outcomeRecordedOn,
    LocalDate reportedToSchoolOn) {}
