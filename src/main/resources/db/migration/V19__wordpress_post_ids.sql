-- WordPress short links (/?p=123, /?page_id=123) name a post by its number. An imported
-- post keeps that number on its import record, so the home page can answer a short link
-- with a redirect to the story; the index makes that one lookup per request.
alter table import_item add column wordpress_post_id bigint;
create index import_item_wordpress_post_idx on import_item (wordpress_post_id);
