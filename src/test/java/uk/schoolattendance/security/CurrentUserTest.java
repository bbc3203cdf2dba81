package uk.schoolattendance.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.Test;

class CurrentUserTest {

  IdentityService identity = mock(IdentityService.class);
  CurrentUser user = new CurrentUser(identity);

  @Test
  void aSchoolReadsOnlyItsOwnSchool() {
    when(identity.getCurrentAuthentication())
        .thenReturn(new Authentication("school1", List.of("schools", "school-100001")));
    assertThat(user.readsEverySchool()).isFalse();
    assertThat(user.schoolUrns()).containsExactly("100001");
    assertThat(user.mayRead("100001")).isTrue();
    assertThat(user.mayRead("100002")).isFalse();
  }

  @Test
  void localAuthorityStaffReadEverySchool() {
    for (String group : List.of("attendance-officers", "senior-practitioners", "compliance-team", "managers", "camunda-admin")) {
      when(identity.getCurrentAuthentication()).thenReturn(new Authentication("someone", List.of(group)));
      assertThat(user.readsEverySchool()).as(group).isTrue();
      assertThat(user.mayRead("100002")).as(group).isTrue();
    }
  }

  @Test
  void analystsReadNoSchool() {
    when(identity.getCurrentAuthentication()).thenReturn(new Authentication("analyst", List.of("analysts")));
    assertThat(user.mayRead("100001")).isFalse();
    assertThat(user.schoolUrns()).isEmpty();
  }
}
