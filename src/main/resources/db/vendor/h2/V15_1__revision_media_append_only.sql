-- What a revision takes from the media library is part of the revision (H2): the same trigger as
-- the other revision tables.
create trigger revision_media_append_only before update, delete on revision_media
    for each row call 'org.gazette.platform.AppendOnlyTrigger';
