-- History is append-only (PostgreSQL). One trigger function for every such table: it refuses any
-- UPDATE or DELETE of a row, whoever runs it. TRUNCATE fires no row trigger; it is left to
-- the table owner (tests empty the tables with it; the application never truncates).
create function append_only() returns trigger language plpgsql as $$
begin
    raise exception 'Table % is append-only: % refused', tg_table_name, tg_op
        using errcode = 'P0001', hint = 'History rows are inserted, never changed; add a new row instead.';
end;
$$;

create trigger revision_append_only before update or delete on revision
    for each row execute function append_only();
create trigger revision_body_append_only before update or delete on revision_body
    for each row execute function append_only();
create trigger revision_author_append_only before update or delete on revision_author
    for each row execute function append_only();
create trigger revision_topic_append_only before update or delete on revision_topic
    for each row execute function append_only();
create trigger publication_append_only before update or delete on publication
    for each row execute function append_only();
