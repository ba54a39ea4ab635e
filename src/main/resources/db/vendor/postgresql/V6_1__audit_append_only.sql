-- The audit log is append-only too (PostgreSQL): the same trigger function as the revision tables.
create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function append_only();
