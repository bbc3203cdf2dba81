package uk.schoolattendance.casefile.register;

import java.time.LocalDate;

/**
 * One notice of the register page.
 *
 * @param noticeNumber the register's number
 * @param href the notice's page
 * @param pupilName the child
 * @param parentName the parent the notice is to
 * @param schoolUrn the child's school
 * @param state the register's status ({@code prepared}, {@code issued}, ...)
 * @param stateLabel the status in words
 * @param stateTag the GOV.UK tag colour class of the status
 * @param next what is due next and by when, in words; empty when nothing is
 * @param deadline the day of the next deadline, null when there is none (sorted last)
 * @param overdue whether that day has passed
 * @param issuedBy who issued it, in words
 * @param beyondLimit whether it stands beyond the limit of notices to this parent for this child in
 *     the limit period (a notice someone else issued: a fact the register records and marks)
 */
public record RegisterRow(
    String noticeNumber,
    String href,
    String pupilName,
    String parentName,
    String schoolUrn,
    String state,
    String stateLabel,
    String stateTag,
    String next,
    LocalDate deadline,
    boolean overdue,
    String issuedBy,
    boolean beyondLimit) {}
