-- 拥军项目: the office enters progress by hand (or goes back to the milestones' share), and links
-- needs to a project after it was created, or takes a link back; each a line of the timeline.
alter table project_event drop constraint project_event_action_check;
alter table project_event add constraint project_event_action_check
    check (action in ('CREATE', 'START', 'FINISH', 'CANCEL', 'ADD_MILESTONE', 'COMPLETE_MILESTONE',
                      'ENTER_PROGRESS', 'CLEAR_PROGRESS', 'LINK_NEED', 'UNLINK_NEED'));
