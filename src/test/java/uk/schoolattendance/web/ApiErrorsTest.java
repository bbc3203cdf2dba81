package uk.schoolattendance.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.schoolattendance.process.InvalidInputException;

/** The project's API answers every kind of bad request with a problem naming the field, never a 500 with details. */
class ApiErrorsTest {

  @RestController
  static class Probe {
    @GetMapping("/api/probe/number")
    int number(@RequestParam int size) {
      return size;
    }

    @GetMapping("/api/probe/date")
    LocalDate date(@RequestParam LocalDate from) {
      return from;
    }

    @PostMapping("/api/probe/body")
    Map<String, Object> body(@RequestBody Map<String, Object> body) {
      return body;
    }

    @GetMapping("/api/probe/invalid")
    void invalid() {
      throw new InvalidInputException("academicYear", "must be like 2026-27");
    }

    @GetMapping("/api/probe/forbidden")
    void forbidden() {
      throw new AuthorizationException("school1 may not see notice PN-2026-000001");
    }

    @GetMapping("/api/probe/past-the-term-dates")
    void pastTheTermDates() {
      // as a case's timer expression throws it inside the engine
      throw new org.camunda.bpm.engine.ProcessEngineException("Error while evaluating expression",
          new uk.schoolattendance.schools.CalendarNotConfigured(LocalDate.of(2028, 9, 25)));
    }

    @GetMapping("/api/probe/failure")
    void failure() {
      throw new IllegalStateException("SELECT * FROM pn_notice failed at org.h2.Driver");
    }
  }

  MockMvc mvc = MockMvcBuilders.standaloneSetup(new Probe()).setControllerAdvice(new ApiErrors()).build();

  @Test
  void namesTheFieldAndTheRule() throws Exception {
    mvc.perform(get("/api/probe/invalid"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("academicYear"))
        .andExpect(jsonPath("$.rule").value("must be like 2026-27"))
        .andExpect(jsonPath("$.detail").value("academicYear: must be like 2026-27"));
  }

  @Test
  void wrongTypeOfParameter() throws Exception {
    mvc.perform(get("/api/probe/number").param("size", "ten"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("size"))
        .andExpect(jsonPath("$.rule").value("must be a number"));
    mvc.perform(get("/api/probe/date").param("from", "tomorrow"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("from"))
        .andExpect(jsonPath("$.rule").value("must be an ISO-8601 date (yyyy-MM-dd)"));
  }

  @Test
  void missingParameter() throws Exception {
    mvc.perform(get("/api/probe/number"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("size"))
        .andExpect(jsonPath("$.rule").value("is required"));
  }

  @Test
  void unreadableBodyAndWrongMediaType() throws Exception {
    mvc.perform(post("/api/probe/body").contentType(MediaType.APPLICATION_JSON).content("{not json"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("body"));
    mvc.perform(post("/api/probe/body").contentType(MediaType.TEXT_PLAIN).content("hello"))
        .andExpect(status().isUnsupportedMediaType());
  }

  @Test
  void wrongMethod() throws Exception {
    mvc.perform(post("/api/probe/number"))
        .andExpect(status().isMethodNotAllowed())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("POST")));
  }

  @Test
  void forbiddenWithoutSayingWhat() throws Exception {
    mvc.perform(get("/api/probe/forbidden"))
        .andExpect(status().isForbidden())
        .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("PN-2026"))));
  }

  /** The day the configured term dates run out is configuration to add, said in words: not a 500. */
  @Test
  void aDayPastTheTermDatesSaysWhatToConfigure() throws Exception {
    mvc.perform(get("/api/probe/past-the-term-dates"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(jsonPath("$.title").value("Term dates not configured"))
        .andExpect(jsonPath("$.detail").value("No term dates for 25 September 2028 (2028-09-25): add the academic"
            + " year 2028-29 to attendance.calendar.academic-years, and its bank holidays to"
            + " attendance.calendar.bank-holidays"));
  }

  @Test
  void unexpectedFailureGivesAReferenceAndNothingElse() throws Exception {
    mvc.perform(get("/api/probe/failure"))
        .andExpect(status().isInternalServerError())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Reference for the administrator")))
        .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("SELECT"))))
        .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("org.h2"))));
  }
}
