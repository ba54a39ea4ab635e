-- The audit log is append-only too (H2): the same trigger as the revision tables.
create trigger audit_event_append_only before update, delete on audit_event
    for each row call 'org.gazette.platform.AppendOnlyTrigger';
