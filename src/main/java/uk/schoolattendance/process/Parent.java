package uk.schoolattendance.process;

/**
 * A liable parent of a case (EA 1996 s576: anyone with parental responsibility or day-to-day
 * care), as the case's {@code parents} list holds it.
 *
 * @param id the parent's id within the case ({@code parent-1} when the caller gave none)
 * @param name as letters address them
 * @param address where notices are posted
 */
public record Parent(String id, String name, String address) {}
