package org.gazette.content;

import java.util.List;

/**
 * The differences in one field between two versions of a story. Joining the texts of the
 * unchanged and removed segments gives the older value exactly; of the unchanged and
 * added ones, the newer value.
 *
 * @param field the field: {@code type}, {@code title}, {@code summary}, {@code dateline},
 * {@code bylines}, {@code topics}, {@code body}, {@code hero} or {@code documents}
 * @param segments the runs of text, in order
 */
public record FieldDiff(String field, List<DiffSegment> segments) {

	public FieldDiff {
		segments = List.copyOf(segments);
	}

	public boolean changed() {
		return this.segments.stream().anyMatch((segment) -> segment.kind() != DiffSegment.Kind.UNCHANGED);
	}

	/** The older value, as compared. */
	public String before() {
		return text(DiffSegment.Kind.ADDED);
	}

	/** The newer value, as compared. */
	public String after() {
		return text(DiffSegment.Kind.REMOVED);
	}

	private String text(DiffSegment.Kind skipped) {
		StringBuilder text = new StringBuilder();
		this.segments.stream().filter((segment) -> segment.kind() != skipped).forEach((s) -> text.append(s.text()));
		return text.toString();
	}

}
