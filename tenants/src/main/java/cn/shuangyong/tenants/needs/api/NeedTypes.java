package cn.shuangyong.tenants.needs.api;

/** The closed vocabularies of the 双清单. */
public final class NeedTypes {
  private NeedTypes() {}

  /** FOR_TROOPS 拥军优属 (done for the troops); FOR_CIVILIANS 拥政爱民 (done by the troops). */
  public enum Direction {
    FOR_TROOPS,
    FOR_CIVILIANS
  }

  /** 征集方式: 集中征集, 座谈走访, 专项征集. */
  public enum Source {
    COLLECTED,
    VISIT,
    SPECIAL
  }

  /** Whether the city or a town carries the item. */
  public enum Level {
    CITY,
    TOWN
  }

  public enum Satisfaction {
    SATISFIED,
    BASICALLY_SATISFIED,
    UNSATISFIED
  }

  public enum Status {
    SUBMITTED,
    ACCEPTED,
    REJECTED,
    IN_PROGRESS,
    COMPLETED,
    CLOSED,
    /** Taken back by the liaison before the office decided: counted nowhere, like REJECTED. */
    WITHDRAWN;

    /** Still to be worked on: may become overdue and be supervised. */
    public boolean isOpen() {
      return this != REJECTED && this != COMPLETED && this != CLOSED && this != WITHDRAWN;
    }
  }

  /** What happened to a need; SUPERVISE and REOPEN keep or restore a working status. */
  public enum Action {
    SUBMIT,
    ACCEPT,
    REJECT,
    PROGRESS,
    COMPLETE,
    CONFIRM,
    REOPEN,
    SUPERVISE,
    /** The liaison takes its own need back while it is still SUBMITTED (an API extension). */
    WITHDRAW,
    /** City staff reported progress for the assigned unit (代为报告进度): recorded, never requested. */
    PROGRESS_ON_BEHALF,
    /** City staff marked the need done for the assigned unit (代为办结): recorded, never requested. */
    COMPLETE_ON_BEHALF
  }
}
