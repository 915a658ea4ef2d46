package cn.shuangyong.ui.needs;

import cn.shuangyong.tenants.notifications.api.Subject;
import cn.shuangyong.ui.support.SubjectViews;
import jakarta.inject.Singleton;

/** A notification about a need opens the need's page. */
@Singleton
class NeedSubjectView implements SubjectViews.SubjectView {
  @Override
  public String type() {
    return Subject.NEED;
  }

  @Override
  public void open(long id) {
    NeedDetailView.open(id, null);
  }
}
