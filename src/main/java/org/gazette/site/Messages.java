package org.gazette.site;

import java.util.Locale;

import gg.jte.support.LocalizationSupport;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words readers see, from messages.properties. Templates call
 * {@code localize(key, args)}: message text is trusted markup, arguments are escaped.
 */
@Component
public class Messages implements LocalizationSupport {

	private final MessageSource source;

	Messages(MessageSource source) {
		this.source = source;
	}

	@Override
	public String lookup(String key) {
		return this.source.getMessage(key, null, Locale.ENGLISH);
	}

	/** A message as plain text, for titles and attributes. */
	public String text(String key, Object... args) {
		return this.source.getMessage(key, args, Locale.ENGLISH);
	}

}
