package org.gazette.content;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.gazette.content.DiffSegment.Kind;

import static org.assertj.core.api.Assertions.assertThat;

/** Word-level differences of prose and of name lists. */
class TextDiffTests {

	@Test
	void marksChangedWordsNotWholeLines() {
		assertThat(TextDiff.prose("The port reopened on Monday, officials said.",
				"The port reopened early on Tuesday, officials said."))
			.containsExactly(new DiffSegment(Kind.UNCHANGED, "The port reopened "),
					new DiffSegment(Kind.ADDED, "early "), new DiffSegment(Kind.UNCHANGED, "on "),
					new DiffSegment(Kind.REMOVED, "Monday"), new DiffSegment(Kind.ADDED, "Tuesday"),
					new DiffSegment(Kind.UNCHANGED, ", officials said."));
	}

	@Test
	void aChangedCommaIsNotAChangedWord() {
		assertThat(TextDiff.prose("Lanes open, today.", "Lanes open today!")).containsExactly(
				new DiffSegment(Kind.UNCHANGED, "Lanes open"), new DiffSegment(Kind.REMOVED, ","),
				new DiffSegment(Kind.UNCHANGED, " today"), new DiffSegment(Kind.REMOVED, "."),
				new DiffSegment(Kind.ADDED, "!"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			''                                   | Something new.
			Something old.                       | ''
			same                                 | same
			Crème brûlée in Zürich 🚢 ship.      | Crème brulee in Zürich 🚢🚢 ship!
			'Line one\n\n## Heading\n- a\n- b'   | 'Line one\n\n## Heading 2\n\n- a\n- c\n'
			"  tabs\tand   spaces  "             | "tabs and spaces"
			""")
	void bothVersionsReassembleExactly(String before, String after) {
		before = before.replace("\\n", "\n").replace("\\t", "\t");
		after = after.replace("\\n", "\n").replace("\\t", "\t");
		FieldDiff diff = new FieldDiff("body", TextDiff.prose(before, after));
		assertThat(diff.before()).isEqualTo(before);
		assertThat(diff.after()).isEqualTo(after);
		assertThat(diff.changed()).isEqualTo(!before.equals(after));
		// Neighbouring segments always differ in kind.
		for (int i = 1; i < diff.segments().size(); i++) {
			assertThat(diff.segments().get(i).kind()).isNotEqualTo(diff.segments().get(i - 1).kind());
		}
	}

	@Test
	void tokensAreWordsWhitespaceAndSingleCharacters() {
		assertThat(TextDiff.words("Don't stop—at 9:30 🚢.")).containsExactly("Don", "'", "t", " ", "stop", "—", "at",
				" ", "9", ":", "30", " ", "🚢", ".");
		assertThat(TextDiff.words(null)).isEmpty();
	}

	@Test
	void nameListsDifferNameByName() {
		assertThat(TextDiff.names(List.of("Ann Lee", "Jane Doe"), List.of("Jane Doe", "Raj Patel"))).containsExactly(
				new DiffSegment(Kind.REMOVED, "Ann Lee, "), new DiffSegment(Kind.UNCHANGED, "Jane Doe"),
				new DiffSegment(Kind.ADDED, ", Raj Patel"));
		assertThat(TextDiff.names(List.of(), List.of("Jane Doe")))
			.containsExactly(new DiffSegment(Kind.ADDED, "Jane Doe"));
	}

	@Test
	void aLongBodyWithOneChangeHasOneChange() {
		String body = "The agency opened four lanes. ".repeat(2_000);
		String changed = body.substring(0, 30_000) + "Five lanes! " + body.substring(30_000);
		List<DiffSegment> segments = TextDiff.prose(body, changed);
		assertThat(segments.stream()
			.filter((s) -> s.kind() != Kind.UNCHANGED)
			.map(DiffSegment::text)
			.collect(Collectors.joining("|"))).isEqualTo("Five lanes! ");
	}

}
