package uk.schoolattendance.casefile.casepage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Documents people upload to a case, {@code attendance.casefile.documents}.
 *
 * @param maxSize the largest file accepted (10 MB unless configured); the server's own limit on a
 *     multipart request ({@code spring.servlet.multipart}) must be above it, so that a larger file
 *     is refused with the page's error, naming the limit
 */
@ConfigurationProperties("attendance.casefile.documents")
public record CaseDocumentProperties(@DefaultValue("10MB") DataSize maxSize) {}
