-- The web editor: who created each story. Contributors may edit only the drafts they created,
-- so the back office must know the creator without reading revision history; the first
-- revision's author is the creator of every story saved so far.
alter table article add column created_by varchar(200);

update article set created_by = (
    select r.created_by from revision r where r.article_id = article.id and r.number = 1
);

create index article_created_by_idx on article (created_by, updated_at desc);
