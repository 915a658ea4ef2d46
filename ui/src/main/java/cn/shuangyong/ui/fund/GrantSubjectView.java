package cn.shuangyong.ui.fund;

import cn.shuangyong.tenants.fund.api.FundTypes;
import cn.shuangyong.ui.support.SubjectViews;
import jakarta.inject.Singleton;

/** A notification about a grant (the next step waits) opens the grant's page. */
@Singleton
class GrantSubjectView implements SubjectViews.SubjectView {
  @Override
  public String type() {
    return FundTypes.SUBJECT;
  }

  @Override
  public void open(long id) {
    GrantDetailView.open(id);
  }
}
