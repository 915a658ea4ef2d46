package cn.shuangyong.tenants.projects.api;

/** The closed vocabularies of the 拥军项目 (troop-support projects). */
public final class ProjectTypes {
  private ProjectTypes() {}

  /** The subject type of a project's notifications; the UI opens the project's page. */
  public static final String SUBJECT = "PROJECT";

  /** PLANNED → IN_PROGRESS → DONE, or CANCELLED (with a reason) before it is done. */
  public enum Status {
    PLANNED,
    IN_PROGRESS,
    DONE,
    CANCELLED;

    /** Still to be worked on: its milestones may be added, completed and become overdue. */
    public boolean isOpen() {
      return this == PLANNED || this == IN_PROGRESS;
    }
  }

  /** 资金来源: 财政 FISCAL, 社会募集 DONATED, 部队自筹 TROOPS, 其他 OTHER. */
  public enum FundingSource {
    FISCAL,
    DONATED,
    TROOPS,
    OTHER
  }

  /** What a line of the timeline records. */
  public enum Action {
    CREATE,
    START,
    FINISH,
    CANCEL,
    ADD_MILESTONE,
    COMPLETE_MILESTONE,
    /** The office set the progress by hand (it shows as ENTERED until cleared). */
    ENTER_PROGRESS,
    /** The office went back to the progress the milestones give. */
    CLEAR_PROGRESS,
    LINK_NEED,
    UNLINK_NEED,
    /** The office corrected the project's fields (name, units, budget, plan…). */
    UPDATE,
    /** A photo, PDF or Office file was attached. */
    ADD_ATTACHMENT,
    /** An attachment was taken off the project (its row and bytes are kept). */
    DELETE_ATTACHMENT
  }

  /**
   * Where the shown progress comes from, so the screen can say it: the office ENTERED it, or it is
   * the share of completed MILESTONES, or the STATUS decides (a done project is 100 %), or NONE (no
   * milestones yet: 0 %).
   */
  public enum ProgressSource {
    ENTERED,
    MILESTONES,
    STATUS,
    NONE
  }
}
