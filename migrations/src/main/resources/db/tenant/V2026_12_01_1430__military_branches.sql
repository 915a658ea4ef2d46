-- 军种/兵种 as data (issue 9 item 6). On 2024-04-19 the 战略支援部队 was dissolved; the structure is
-- now four services (陆军, 海军, 空军, 火箭军) and four arms (军事航天部队, 网络空间部队, 信息支援部队,
-- 联勤保障部队), plus the 武警部队 and, locally, 军分区/人武部 and 预备役 units. A list in code (and a
-- check constraint) went out of date with that change; a table per tenant follows the next one with
-- a migration, and keeps a retired branch (inactive) so that history still reads.

create table military_branch (
    code          text primary key check (code ~ '^[A-Z][A-Z_]{1,39}$'),
    name_zh       text not null check (length(name_zh) between 1 and 50),
    name_en       text not null check (length(name_en) between 1 and 80),
    display_order integer not null,
    active        boolean not null default true
);

insert into military_branch (code, name_zh, name_en, display_order, active) values
    ('ARMY',                   '陆军',           'Army',                                    10, true),
    ('NAVY',                   '海军',           'Navy',                                    20, true),
    ('AIR_FORCE',              '空军',           'Air Force',                               30, true),
    ('ROCKET_FORCE',           '火箭军',         'Rocket Force',                            40, true),
    ('AEROSPACE_FORCE',        '军事航天部队',   'Aerospace Force',                         50, true),
    ('CYBERSPACE_FORCE',       '网络空间部队',   'Cyberspace Force',                        60, true),
    ('INFORMATION_SUPPORT',    '信息支援部队',   'Information Support Force',               70, true),
    ('JOINT_LOGISTICS',        '联勤保障部队',   'Joint Logistic Support Force',            80, true),
    ('ARMED_POLICE',           '武警部队',       'People''s Armed Police',                  90, true),
    ('MILITIA',                '军分区/人武部',  'Military sub-district / armed forces department', 100, true),
    ('RESERVE',                '预备役部队',     'Reserve force',                          110, true),
    ('OTHER',                  '其他',           'Other',                                  120, true),
    -- dissolved 2024-04-19: kept for history only, never offered, refused for new or changed units
    ('STRATEGIC_SUPPORT',      '战略支援部队',   'Strategic Support Force (dissolved 2024)', 900, false);

-- Existing units. A unit recorded under the 战略支援部队 most likely belongs to what took over its
-- information work, the 信息支援部队 (its aerospace and cyberspace parts went to their own arms,
-- which the office can choose instead): it moves there by default, and the city office corrects the
-- few that went elsewhere. Every other unit keeps its branch, matched to the table by its code
-- (the old list's names are the table's codes).
-- (the old list's check constraint goes first: it does not know the new arms)
alter table garrison_unit drop constraint if exists garrison_unit_branch_check;
update garrison_unit set branch = 'INFORMATION_SUPPORT' where branch = 'STRATEGIC_SUPPORT';
alter table garrison_unit
    add constraint garrison_unit_branch_fk foreign key (branch) references military_branch (code);
create index garrison_unit_branch on garrison_unit (branch);
