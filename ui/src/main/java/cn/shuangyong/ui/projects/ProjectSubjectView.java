package cn.shuangyong.ui.projects;

import cn.shuangyong.tenants.projects.api.ProjectTypes;
import cn.shuangyong.ui.support.SubjectViews;
import jakarta.inject.Singleton;

/** A notification about a project (a late milestone) opens the project's page. */
@Singleton
class ProjectSubjectView implements SubjectViews.SubjectView {
  @Override
  public String type() {
    return ProjectTypes.SUBJECT;
  }

  @Override
  public void open(long id) {
    ProjectDetailView.open(id);
  }
}
