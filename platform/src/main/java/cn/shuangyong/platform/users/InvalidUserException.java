package cn.shuangyong.platform.users;

import cn.shuangyong.platform.web.ValidationException;

/** A user account that breaks a rule; the message key is translated for the caller. */
public class InvalidUserException extends ValidationException {
  public InvalidUserException(String field, String messageKey) {
    super(field, messageKey);
  }
}
