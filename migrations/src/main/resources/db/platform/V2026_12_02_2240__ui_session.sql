-- The signed-in Vaadin sessions of every node (TokenService.openUiSession): disabling an account,
-- resetting or changing its password, or "sign out everywhere" revokes each of them through the
-- revocation list, so that a tab open on another node is signed out at its next request, not only
-- the tabs of the node that made the change. A row lives from sign-in to sign-out or idle expiry.
create table ui_session (
    id           text primary key,
    user_id      bigint not null references app_user (id) on delete cascade,
    signed_in_at timestamptz not null
);
create index ui_session_user on ui_session (user_id);
