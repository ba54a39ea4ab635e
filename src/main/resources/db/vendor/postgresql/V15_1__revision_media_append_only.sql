-- What a revision takes from the media library is part of the revision (PostgreSQL): the same
-- trigger function as the other revision tables.
create trigger revision_media_append_only before update or delete on revision_media
    for each row execute function append_only();
