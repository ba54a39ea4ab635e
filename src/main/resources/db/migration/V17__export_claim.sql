-- The automatic static export's claim, shared by every node on the database. A node exports only
-- while it holds this row's lock (SELECT ... FOR UPDATE SKIP LOCKED, taken for the whole export),
-- so with several nodes exactly one exports after each change and the others skip; once the lock
-- is free, the next node finds the shared export up to date and does nothing. The columns say
-- which node made the last export and what it showed, for operators; the export's own manifest
-- decides whether it is out of date.
create table export_claim (
    name              varchar(40)  primary key,
    exports           bigint       not null default 0,
    last_change_event bigint,
    exported_at       timestamp with time zone,
    exported_by       varchar(100),
    constraint export_claim_exports_check check (exports >= 0)
);

insert into export_claim (name) values ('static');
