package cn.shuangyong.tenants.units.api;

/** What kind of body a responsible unit is: a city department, a town or street, a company. */
public enum ResponsibleUnitKind {
  DEPARTMENT,
  TOWN,
  COMPANY,
  OTHER
}
