package org.gazette.admin;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;

/** Renders a back-office page: one jte template, one page record called {@code page}. */
final class AdminViews {

	private AdminViews() {
	}

	static ModelAndView view(String template, Object page) {
		return new ModelAndView(template, Map.of("page", page));
	}

	static ModelAndView view(String template, Object page, HttpStatus status) {
		ModelAndView view = view(template, page);
		view.setStatus(status);
		return view;
	}

}
