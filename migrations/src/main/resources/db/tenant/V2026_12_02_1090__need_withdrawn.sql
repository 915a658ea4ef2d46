-- 撤回: a liaison may take its own need back while it is still SUBMITTED (status WITHDRAWN,
-- history action WITHDRAW); like REJECTED it ends the need and counts as no open item.
-- 代为报告进度 / 代为办结: city staff's report or completion for the assigned unit is its own action.
alter table need drop constraint need_status_check;
alter table need add constraint need_status_check
    check (status in ('SUBMITTED', 'ACCEPTED', 'REJECTED', 'IN_PROGRESS', 'COMPLETED', 'CLOSED', 'WITHDRAWN'));
alter table need_event drop constraint need_event_action_check;
alter table need_event add constraint need_event_action_check
    check (action in ('SUBMIT', 'ACCEPT', 'REJECT', 'PROGRESS', 'COMPLETE', 'CONFIRM', 'REOPEN', 'SUPERVISE',
                      'WITHDRAW', 'PROGRESS_ON_BEHALF', 'COMPLETE_ON_BEHALF'));
