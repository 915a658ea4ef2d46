package cn.shuangyong.platform.tenancy;

/** 行政级别: where a region or tenant sits in the administrative tree. */
public enum AdministrativeLevel {
  PROVINCE,
  PREFECTURE,
  COUNTY
}
