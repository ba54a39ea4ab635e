-- What imports brought in, so running an import again is idempotent: one row per source item
-- (a WordPress post, a feed entry), keyed by where it came from and its id there. Runs on H2 and
-- PostgreSQL.

create table import_item (
    -- The source's identity: a WordPress site's base address, a feed's address or id.
    source        varchar(500)  not null,
    -- The item's id in its source: a WordPress post id, a feed entry's guid or id.
    item_id       varchar(500)  not null,
    article_id    bigint        not null references article (id),
    -- The revision the import saved last: a newer working revision means someone edited the
    -- story in Gazette since, and a re-import must not silently overwrite it.
    revision_id   bigint        not null references revision (id),
    -- SHA-256 of what was imported from the item (its fields as mapped): unchanged items are
    -- skipped on the next run.
    fingerprint   char(64)      not null,
    imported_at   timestamp with time zone not null,
    imported_by   varchar(200)  not null,
    constraint import_item_pk primary key (source, item_id)
);

create index import_item_article on import_item (article_id);

-- Attachments listed in a WordPress export: their metadata only (the files stay where they
-- are; an import does not download them).
create table import_attachment (
    source        varchar(500)  not null,
    item_id       varchar(500)  not null,
    -- The post the attachment belongs to, by its id in the source, or null.
    parent_item_id varchar(500),
    title         varchar(300)  not null,
    url           varchar(2000) not null,
    media_type    varchar(100),
    uploaded_at   timestamp with time zone,
    fingerprint   char(64)      not null,
    imported_at   timestamp with time zone not null,
    constraint import_attachment_pk primary key (source, item_id)
);

-- A backdated import is a publication kind of its own: release work for news (subscriber
-- emails) does not want it.
alter table release_task drop constraint release_task_publication_kind_check;
alter table release_task add constraint release_task_publication_kind_check
    check (publication_kind in ('first-release', 'major-update', 'minor-update', 'import'));
