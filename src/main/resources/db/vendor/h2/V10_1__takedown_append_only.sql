-- Takedowns and former addresses are history (H2): the same trigger as the revision tables.
create trigger takedown_append_only before update, delete on takedown
    for each row call 'org.gazette.platform.AppendOnlyTrigger';
create trigger article_slug_history_append_only before update, delete on article_slug_history
    for each row call 'org.gazette.platform.AppendOnlyTrigger';
