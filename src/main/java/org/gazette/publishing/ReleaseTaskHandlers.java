package org.gazette.publishing;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The release task handlers of every module, looked up when first needed (handlers may
 * depend on publishing services themselves).
 */
@Component
class ReleaseTaskHandlers {

	private static final Pattern KIND = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

	private final Supplier<List<ReleaseTaskHandler>> source;

	private volatile List<ReleaseTaskHandler> handlers;

	@Autowired
	ReleaseTaskHandlers(ObjectProvider<ReleaseTaskHandler> handlers) {
		this(() -> handlers.orderedStream().toList());
	}

	private ReleaseTaskHandlers(Supplier<List<ReleaseTaskHandler>> source) {
		this.source = source;
	}

	/** Handlers wired by hand, for tests. */
	static ReleaseTaskHandlers of(ReleaseTaskHandler... handlers) {
		List<ReleaseTaskHandler> list = List.of(handlers);
		return new ReleaseTaskHandlers(() -> list);
	}

	List<ReleaseTaskHandler> wanting(PublicationKind publication) {
		return all().stream().filter((handler) -> handler.wants(publication)).toList();
	}

	Optional<ReleaseTaskHandler> find(String kind) {
		return all().stream().filter((handler) -> handler.kind().equals(kind)).findFirst();
	}

	/** What the work of this kind is, in plain words; the kind itself when unknown. */
	String describe(String kind) {
		return find(kind).map(ReleaseTaskHandler::description).orElse(kind);
	}

	private List<ReleaseTaskHandler> all() {
		List<ReleaseTaskHandler> found = this.handlers;
		if (found == null) {
			found = checked(this.source.get());
			this.handlers = found;
		}
		return found;
	}

	private static List<ReleaseTaskHandler> checked(List<ReleaseTaskHandler> handlers) {
		Set<String> kinds = new HashSet<>();
		for (ReleaseTaskHandler handler : handlers) {
			String kind = handler.kind();
			if (kind == null || !KIND.matcher(kind).matches()) {
				throw new IllegalStateException(handler.getClass().getName() + " has kind '" + kind
						+ "'; use lower-case letters, digits and hyphens, at most 40 characters");
			}
			if (!kinds.add(kind)) {
				throw new IllegalStateException("Two release task handlers have the kind " + kind);
			}
		}
		return List.copyOf(handlers);
	}

}
