package uk.schoolattendance.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code attendance.security.*}: on by default; the demo profile switches HSTS off because it runs
 * on plain HTTP on a laptop.
 *
 * @param hsts send {@code Strict-Transport-Security} on the APIs
 */
@ConfigurationProperties("attendance.security")
record SecurityProperties(@DefaultValue("true") boolean hsts) {}
