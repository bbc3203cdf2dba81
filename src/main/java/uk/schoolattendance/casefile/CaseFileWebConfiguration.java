package uk.schoolattendance.casefile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ResourceTransformer;
import org.springframework.web.servlet.resource.TransformedResource;

/**
 * The pages' stylesheets, scripts and images under {@code /casework/static/}: GOV.UK Frontend
 * from its WebJar ({@code govuk/}) and the case file's own few additions ({@code casefile/}).
 *
 * <p>GOV.UK Frontend's stylesheet is served with two changes, made once as it is read: its asset
 * paths point under {@code /casework/static/govuk/assets/} instead of the site root, and the GDS
 * Transport typeface is left out (it is licensed for GOV.UK only; a council's service uses Arial,
 * the stylesheet's own fallback): docs/adr/0010-case-file-pages.md.
 */
@Configuration(proxyBeanMethods = false)
class CaseFileWebConfiguration implements WebMvcConfigurer {

  static final String STATIC = "/casework/static/";
  static final String GOVUK_VERSION = webjarVersion();

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry
        .addResourceHandler(STATIC + "govuk/**")
        .addResourceLocations("classpath:/META-INF/resources/webjars/govuk-frontend/" + GOVUK_VERSION + "/dist/govuk/")
        .setCacheControl(CacheControl.maxAge(Duration.ofHours(1)))
        .resourceChain(true)
        .addTransformer(new GovukStylesheet());
    registry
        .addResourceHandler(STATIC + "casefile/**")
        .addResourceLocations("classpath:/static/casefile/")
        .setCacheControl(CacheControl.maxAge(Duration.ofHours(1)));
  }

  /** The version of the GOV.UK Frontend WebJar on the class path (its Maven properties). */
  static String webjarVersion() {
    Resource pom = new ClassPathResource("META-INF/maven/org.webjars.npm/govuk-frontend/pom.properties");
    try (InputStream in = pom.getInputStream()) {
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new IllegalStateException("GOV.UK Frontend (org.webjars.npm:govuk-frontend) is not on the class path", e);
    }
  }

  /** GOV.UK Frontend's stylesheet with the case file's asset path and without GDS Transport. */
  static final class GovukStylesheet implements ResourceTransformer {

    @Override
    public Resource transform(
        jakarta.servlet.http.HttpServletRequest request, Resource resource,
        org.springframework.web.servlet.resource.ResourceTransformerChain chain)
        throws IOException {
      Resource transformed = chain.transform(request, resource);
      String name = transformed.getFilename();
      if (name == null || !name.endsWith(".css")) {
        return transformed;
      }
      String css = new String(transformed.getContentAsByteArray(), StandardCharsets.UTF_8);
      return new TransformedResource(transformed, rewrite(css).getBytes(StandardCharsets.UTF_8));
    }

    static String rewrite(String css) {
      return css.replaceAll("@font-face\\{font-family:GDS Transport;[^}]*\\}", "")
          .replace("font-family:GDS Transport,", "font-family:")
          .replace("url(/assets/", "url(" + STATIC + "govuk/assets/");
    }
  }
}
