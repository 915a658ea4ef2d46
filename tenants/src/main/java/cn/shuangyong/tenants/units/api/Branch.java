package cn.shuangyong.tenants.units.api;

/** 军种: the service a garrison unit belongs to. */
public enum Branch {
  ARMY,
  NAVY,
  AIR_FORCE,
  ROCKET_FORCE,
  STRATEGIC_SUPPORT,
  ARMED_POLICE,
  MILITIA,
  OTHER
}
