package org.gazette.content;

import java.util.List;

/**
 * Asked for a story, revision, author or topic that does not exist. A page answers it
 * with 404; it is an {@link InvalidContentException} so that callers written before it
 * existed still catch it.
 */
public class UnknownContentException extends InvalidContentException {

	public UnknownContentException(String message) {
		super(List.of(message));
	}

	public static UnknownContentException story(long id) {
		return new UnknownContentException("There is no story " + id + ".");
	}

	static UnknownContentException author(long id) {
		return new UnknownContentException("There is no author " + id + ".");
	}

	static UnknownContentException topic(long id) {
		return new UnknownContentException("There is no topic " + id + ".");
	}

}
