package cn.shuangyong.tenants.needs.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.tenants.needs.api.NeedTypes.Action;
import cn.shuangyong.tenants.needs.api.NeedTypes.Satisfaction;
import cn.shuangyong.tenants.needs.api.NeedTypes.Status;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * 不满意 sends a need back for rework (issue 9 item 3), without a database: the step is named 退回重办
 * (REOPEN) and not 确认销号, old history lines are shown so too, and the progress goes back from 100 %.
 */
class SendBackTest {
  private static final Instant AT = Instant.parse("2026-12-01T02:00:00Z");

  @Test
  void anUnsatisfiedConfirmationIsRecordedAsASendBackAndOnlyThat() {
    assertThat(NeedWorkflow.recorded(Action.CONFIRM, Satisfaction.UNSATISFIED))
        .isEqualTo(Action.REOPEN);
    assertThat(NeedWorkflow.recorded(Action.CONFIRM, Satisfaction.SATISFIED))
        .isEqualTo(Action.CONFIRM);
    assertThat(NeedWorkflow.recorded(Action.CONFIRM, Satisfaction.BASICALLY_SATISFIED))
        .isEqualTo(Action.CONFIRM);
    assertThat(NeedWorkflow.recorded(Action.COMPLETE, null)).isEqualTo(Action.COMPLETE);
    assertThat(NeedWorkflow.next(Status.COMPLETED, Action.CONFIRM, Satisfaction.UNSATISFIED))
        .isEqualTo(Status.IN_PROGRESS);
  }

  @Test
  void anOldHistoryLineOfASendBackIsShownAsOne() {
    NeedEvent old = event(Action.CONFIRM, Status.COMPLETED, Status.IN_PROGRESS, null);
    assertThat(NeedWorkflow.shown(old).action()).isEqualTo(Action.REOPEN);
    assertThat(NeedWorkflow.shown(old).to()).isEqualTo(Status.IN_PROGRESS);
    NeedEvent closed = event(Action.CONFIRM, Status.COMPLETED, Status.CLOSED, null);
    assertThat(NeedWorkflow.shown(closed)).isEqualTo(closed);
  }

  @Test
  void theProgressGoesBackToTheLastReportBeforeTheCompletion() {
    List<NeedEvent> history =
        List.of(
            event(Action.ACCEPT, Status.SUBMITTED, Status.ACCEPTED, null),
            event(Action.PROGRESS, Status.ACCEPTED, Status.IN_PROGRESS, 40),
            event(Action.PROGRESS, Status.IN_PROGRESS, Status.IN_PROGRESS, 80),
            event(Action.COMPLETE, Status.IN_PROGRESS, Status.COMPLETED, 100));
    assertThat(NeedWorkflow.percentAfterSendBack(history)).isEqualTo(80);
    assertThat(
            NeedWorkflow.percentAfterSendBack(
                List.of(
                    event(Action.ACCEPT, Status.SUBMITTED, Status.ACCEPTED, null),
                    event(Action.COMPLETE, Status.ACCEPTED, Status.COMPLETED, 100))))
        .as("completed without a report: nothing of the rework is done")
        .isZero();
  }

  private static NeedEvent event(Action action, Status from, Status to, Integer percent) {
    return new NeedEvent(AT, "pinghu.handler", action, from, to, percent, null);
  }
}
