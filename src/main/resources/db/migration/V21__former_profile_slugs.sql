-- Addresses an author or topic had before an editor changed its slug. Each answers 301 to the
-- profile's current address (its survivor's, once merged), as a story's former address does
-- (article_slug_history); a profile's own slug always wins, so a slug taken again by any profile
-- is removed from here. Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.
create table author_former_slug (
    slug        varchar(120) primary key,
    author_id   bigint       not null references author (id),
    changed_at  timestamp with time zone not null
);
create index author_former_slug_author_idx on author_former_slug (author_id);

create table topic_former_slug (
    slug        varchar(120) primary key,
    topic_id    bigint       not null references topic (id),
    changed_at  timestamp with time zone not null
);
create index topic_former_slug_topic_idx on topic_former_slug (topic_id);
