-- History is append-only (H2). Every such table gets the same Java trigger, which refuses any
-- UPDATE or DELETE of a row. TRUNCATE fires no row trigger; tests empty the tables with it, the
-- application never truncates.
create trigger revision_append_only before update, delete on revision
    for each row call 'org.gazette.platform.AppendOnlyTrigger';
create trigger revision_body_append_only before update, delete on revision_body
    for each row call 'org.gazette.platform.AppendOnlyTrigger';
create trigger revision_author_append_only before update, delete on revision_author
    for each row call 'org.gazette.platform.AppendOnlyTrigger';
create trigger revision_topic_append_only before update, delete on revision_topic
    for each row call 'org.gazette.platform.AppendOnlyTrigger';
create trigger publication_append_only before update, delete on publication
    for each row call 'org.gazette.platform.AppendOnlyTrigger';
