package org.gazette.content;

import java.util.List;
import java.util.Optional;

/**
 * How two versions of a story differ, field by field, in the order an edit form shows
 * them; fields that did not change are included (all unchanged) so a page can show them
 * in context or skip them.
 *
 * @param fields every compared field
 */
public record RevisionDiff(List<FieldDiff> fields) {

	public RevisionDiff {
		fields = List.copyOf(fields);
	}

	public boolean changed() {
		return this.fields.stream().anyMatch(FieldDiff::changed);
	}

	public Optional<FieldDiff> field(String name) {
		return this.fields.stream().filter((field) -> field.field().equals(name)).findFirst();
	}

	/** Only the fields that changed. */
	public List<FieldDiff> changes() {
		return this.fields.stream().filter(FieldDiff::changed).toList();
	}

}
