package uk.schoolattendance.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The counter's kinds by statement text: read right, and read once per text (d479b37). */
class StatementCounterTest {

  @Test
  void aStatementIsCountedByItsKindAndFirstTable() {
    assertThat(StatementCounter.kind("select RES.* from ACT_RU_TASK RES where RES.ID_ = ?")).isEqualTo("select ACT_RU_TASK");
    assertThat(StatementCounter.kind("insert into act_hi_detail (ID_) values (?)")).isEqualTo("insert ACT_HI_DETAIL");
    assertThat(StatementCounter.kind("  update ACT_RU_EXECUTION set REV_ = ? where ID_ = ?")).isEqualTo("update ACT_RU_EXECUTION");
    assertThat(StatementCounter.kind("delete from cf_case_task where task_id = ?")).isEqualTo("delete CF_CASE_TASK");
    assertThat(StatementCounter.kind("COMMIT")).isEqualTo("other: commit");
  }

  @Test
  void aStatementTextSentAgainIsNotMatchedAgain() {
    String sql = "select RES.* from ACT_RU_VARIABLE RES where RES.EXECUTION_ID_ = ? and RES.NAME_ = ? -- "
        + getClass().getName();
    String first = StatementCounter.kind(sql);
    // the same text in another String, as MyBatis builds it for each statement
    String second = StatementCounter.kind(new String(sql));
    assertThat(second).isEqualTo("select ACT_RU_VARIABLE").isSameAs(first);
  }
}
