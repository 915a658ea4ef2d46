package cn.shuangyong.tenants.fund.api;

/** The closed vocabularies of the 帮扶基金 (assistance fund) and its grants (帮扶申请). */
public final class FundTypes {
  private FundTypes() {}

  /** The subject type of a grant's notifications; the UI opens the grant's page. */
  public static final String SUBJECT = "GRANT";

  /** Who applies: 退役军人, 现役军人家属, 烈士遗属, 其他优抚对象. */
  public enum ApplicantType {
    VETERAN,
    SERVING_FAMILY,
    MARTYR_FAMILY,
    OTHER
  }

  /**
   * SUBMITTED → REVIEWED (town/street review) → APPROVED (county office, an amount) → PAID; the
   * review may send it back and the county may refuse it (REJECTED, with a reason). An urgent case
   * may be PAID first from SUBMITTED or REVIEWED, its paperwork completed after.
   */
  public enum Status {
    SUBMITTED,
    REVIEWED,
    REJECTED,
    APPROVED,
    PAID;

    /** Approved or paid: what counts against the household's cap of the year. */
    public boolean counts() {
      return this == APPROVED || this == PAID;
    }
  }

  /** Where money in the fund comes from: 财政拨款 or 社会捐赠 (with the donor). */
  public enum InflowSource {
    FISCAL,
    DONATION
  }

  /** What a step of a grant, or a change of the fund, is. */
  public enum Action {
    /** The office records an application (CITY_STAFF). */
    SUBMIT,
    /** The town/street review: approve (REVIEWED) or send back (REJECTED), with a note. */
    REVIEW,
    /** The county office approves an amount within the cap (CITY_ADMIN). */
    APPROVE,
    /** The county office refuses, with a reason (CITY_ADMIN). */
    REJECT,
    /** The money is paid (CITY_ADMIN); an urgent case before review or approval. */
    PAY,
    /** The paperwork of a grant paid first is completed (the office). */
    COMPLETE_PAPERWORK,
    /** A paper is added to the application (the office). */
    ATTACH,
    /** Money comes into the fund (the office). */
    RECORD_INFLOW,
    /** The tenant's caps change (CITY_ADMIN). */
    SET_CAPS
  }
}
