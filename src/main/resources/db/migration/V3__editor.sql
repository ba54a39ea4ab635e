-- The back office editor: revision messages, merged byline profiles and topics, and what the
-- admin article list needs to answer from the article row alone. Runs on H2 and PostgreSQL; the
-- append-only triggers differ per database and live in db/vendor/{vendor}/V3_1__append_only.sql.

-- Why an editor saved a revision ("Fixed the dateline"); optional, never public.
alter table revision add column message varchar(1000);

-- A duplicate profile merged into another keeps its row (old revisions still credit it) and its
-- slug (its old address redirects); reads resolve it to the survivor. Always one hop: merging
-- a survivor moves everything merged into it along.
alter table author add column merged_into_id bigint;
alter table author add constraint author_merged_into_fk foreign key (merged_into_id) references author (id);
alter table author add constraint author_not_merged_into_itself check (merged_into_id is null or merged_into_id <> id);
alter table topic add column merged_into_id bigint;
alter table topic add constraint topic_merged_into_fk foreign key (merged_into_id) references topic (id);
alter table topic add constraint topic_not_merged_into_itself check (merged_into_id is null or merged_into_id <> id);
create index author_merged_into_idx on author (merged_into_id);
create index topic_merged_into_idx on topic (merged_into_id);

-- The admin list shows and sorts by the working revision's title, type and save. Copying them
-- onto the article row when the working revision pointer moves (in the same statement) lets the
-- list filter, sort and count 100,000 articles from one table and its indexes, on H2 as well as
-- on PostgreSQL; the revisions themselves stay the record.
alter table article add column working_title varchar(300);
-- lower(working_title): searched with LIKE and sorted on, without a function index (H2 has none).
alter table article add column title_key varchar(300);
alter table article add column working_type_code varchar(40);
alter table article add column updated_at timestamp with time zone;
alter table article add column updated_by varchar(200);

update article set
    working_title = (select r.title from revision r where r.id = article.working_revision_id),
    title_key = (select lower(r.title) from revision r where r.id = article.working_revision_id),
    working_type_code = (select r.type_code from revision r where r.id = article.working_revision_id),
    updated_at = (select r.created_at from revision r where r.id = article.working_revision_id),
    updated_by = (select r.created_by from revision r where r.id = article.working_revision_id)
where working_revision_id is not null;

-- One index per sort order, the type filter next to the default order, and the pointers the
-- topic and author filters and the status filter follow.
create index article_updated_idx on article (updated_at desc, id desc);
create index article_type_updated_idx on article (working_type_code, updated_at desc, id desc);
create index article_title_key_idx on article (title_key, id);
create index article_release_admin_idx on article (release_at desc nulls last, id desc);
create index article_working_revision_idx on article (working_revision_id);
create index article_published_revision_idx on article (published_revision_id, unpublished_at, release_at);
create index revision_article_number_idx on revision (article_id, number desc);
