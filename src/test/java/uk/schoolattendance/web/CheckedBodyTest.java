package uk.schoolattendance.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.validation.Valid;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.schoolattendance.process.Inputs;

/**
 * A typed request body checked by the one input normaliser, in the web layer alone (no
 * application context, no engine): a refused field is a 400 problem naming the field and the
 * rule; the value is checked after trimming, so a padded id is read as the id it holds.
 */
class CheckedBodyTest {

  @Checked
  record Probe(String schoolUrn, Object percent) implements CheckedBody {
    @Override
    public void check() {
      Inputs.schoolUrn("schoolUrn", schoolUrn);
      Inputs.percent("percent", percent);
    }
  }

  @RestController
  static class ProbeController {
    @PostMapping("/api/probe/checked")
    Map<String, Object> accept(@Valid @RequestBody Probe body) {
      return Map.of("schoolUrn", Inputs.schoolUrn("schoolUrn", body.schoolUrn()));
    }
  }

  MockMvc mvc = mvc();

  static MockMvc mvc() {
    LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
    validator.afterPropertiesSet();
    return MockMvcBuilders.standaloneSetup(new ProbeController())
        .setControllerAdvice(new ApiErrors())
        .setValidator(validator)
        .build();
  }

  @Test
  void aRefusedFieldIsAProblemNamingItAndTheRule() throws Exception {
    mvc.perform(post("/api/probe/checked").contentType(MediaType.APPLICATION_JSON)
            .content("{\"schoolUrn\":\"10000X\",\"percent\":50}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("schoolUrn"))
        .andExpect(jsonPath("$.rule").isNotEmpty());
    mvc.perform(post("/api/probe/checked").contentType(MediaType.APPLICATION_JSON)
            .content("{\"schoolUrn\":\"100002\",\"percent\":100.5}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("percent"));
  }

  @Test
  void aPaddedValueIsTrimmedBeforeItIsChecked() throws Exception {
    mvc.perform(post("/api/probe/checked").contentType(MediaType.APPLICATION_JSON)
            .content("{\"schoolUrn\":\" 100002 \",\"percent\":\" 50 \"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.schoolUrn").value("100002"));
  }
}
