-- An import looks up a batch's addresses and item ids at once, with IN lists of 200
-- (ArticleRepository.takenSlugs, ImportRepository.findAll). The unique keys start with
-- language and source, and H2 uses an index for an IN list only on its first column: it
-- read every story's row for every batch, so a 100,000-post import slowed as it went
-- (a sixth of its time at 20,000 posts). PostgreSQL did not need these; H2 does.
create index article_slug_idx on article (slug);
create index article_slug_history_slug_idx on article_slug_history (slug);
create index import_item_item_idx on import_item (item_id);
