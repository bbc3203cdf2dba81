package uk.schoolattendance.improvement;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/cases/{caseReference}/notice-to-improve/letter}: the latest Notice to Improve as a PDF. */
@RestController
class NoticeToImproveLetterController {

  private final HistoryService historyService;

  NoticeToImproveLetterController(HistoryService historyService) {
    this.historyService = historyService;
  }

  @GetMapping("/api/cases/{caseReference}/notice-to-improve/letter")
  ResponseEntity<byte[]> letter(@PathVariable String caseReference) throws java.io.IOException {
    for (HistoricProcessInstance notice :
        historyService.createHistoricProcessInstanceQuery()
            .processDefinitionKey(NoticeToImprove.KEY)
            .processInstanceBusinessKey(caseReference)
            .orderByProcessInstanceStartTime().desc()
            .listPage(0, 20)) {
      HistoricVariableInstance letter =
          historyService.createHistoricVariableInstanceQuery()
              .processInstanceId(notice.getId())
              .variableName(NoticeToImprove.LETTER.name())
              .singleResult();
      FileValue file = letter == null ? null : NoticeToImprove.LETTER.from(letter.getTypedValue());
      if (file != null) {
        byte[] pdf = file.getValue().readAllBytes();
        return ResponseEntity.ok()
            .contentType(MediaType.APPLICATION_PDF)
            .header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.inline().filename(file.getFilename()).build().toString())
            .body(pdf);
      }
    }
    throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no Notice to Improve for case " + caseReference);
  }
}
