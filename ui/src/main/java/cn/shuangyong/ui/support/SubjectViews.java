package cn.shuangyong.ui.support;

import cn.shuangyong.tenants.notifications.api.Subject;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Opens what a notification is about: each feature's UI registers a {@link SubjectView} for its
 * subject type, so the bell opens needs today and projects, grants or criteria tasks tomorrow
 * without knowing any of them.
 */
@Singleton
public class SubjectViews {
  /** How one feature opens its subjects. */
  public interface SubjectView {
    String type();

    void open(long id);
  }

  private final List<SubjectView> views;

  SubjectViews(List<SubjectView> views) {
    this.views = views;
  }

  /** Opens the subject's page; answers false when no view knows its type. */
  public boolean open(Subject subject) {
    for (SubjectView view : views) {
      if (view.type().equals(subject.type())) {
        view.open(subject.id());
        return true;
      }
    }
    return false;
  }
}
