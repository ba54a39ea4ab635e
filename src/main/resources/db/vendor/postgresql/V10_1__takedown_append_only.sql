-- Takedowns and former addresses are history (PostgreSQL): the same trigger function as the
-- revision tables.
create trigger takedown_append_only before update or delete on takedown
    for each row execute function append_only();
create trigger article_slug_history_append_only before update or delete on article_slug_history
    for each row execute function append_only();
