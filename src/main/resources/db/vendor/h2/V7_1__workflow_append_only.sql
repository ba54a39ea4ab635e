-- Workflow events are history: append-only, like revisions (see V3_1).
create trigger workflow_event_append_only before update, delete on workflow_event
    for each row call 'org.gazette.platform.AppendOnlyTrigger';
