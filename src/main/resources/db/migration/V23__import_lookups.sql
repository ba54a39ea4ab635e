-- An import looks up a batch's addresses and item ids at once, with IN lists of 200
-- (ArticleRepository.takenSlugs, ImportRepository.findAll). The unique keys start with
-- language and source, and H2 uses an index for an IN list only on its first column: it
-- read every story's row for every batch, so a 100,000-post import slowed as it went
-- (8% of the writing thread at 20,000 posts, more after). Those queries name only slug and
-- item_id, and check the language and source on the rows found, so H2 takes these indexes.
create index article_slug_idx on article (slug);
create index article_slug_history_slug_idx on article_slug_history (slug);
create index import_item_item_idx on import_item (item_id);
