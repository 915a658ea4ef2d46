package cn.shuangyong.ui.units;

/** The editable fields of a unit, as the form binds them. */
final class UnitDraft<K> {
  private String name = "";
  private K kind;
  private String contactName = "";
  private String contactPhone = "";

  static <K> UnitDraft<K> of(UnitRow<K> row) {
    UnitDraft<K> draft = new UnitDraft<>();
    draft.name = row.name();
    draft.kind = row.kind();
    draft.contactName = row.contactName() == null ? "" : row.contactName();
    draft.contactPhone = row.contactPhone() == null ? "" : row.contactPhone();
    return draft;
  }

  String name() {
    return name;
  }

  void name(String value) {
    name = value;
  }

  K kind() {
    return kind;
  }

  void kind(K value) {
    kind = value;
  }

  String contactName() {
    return contactName;
  }

  void contactName(String value) {
    contactName = value;
  }

  String contactPhone() {
    return contactPhone;
  }

  void contactPhone(String value) {
    contactPhone = value;
  }
}
