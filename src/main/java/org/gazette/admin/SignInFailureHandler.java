package org.gazette.admin;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Shows the sign-in form again with the address as typed and one message, by forwarding
 * to {@link SignInController} (a redirect would lose what was typed).
 */
class SignInFailureHandler implements AuthenticationFailureHandler {

	static final String FAILURE = SignInFailureHandler.class.getName() + ".failure";

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		request.setAttribute(FAILURE, exception);
		request.getRequestDispatcher(BackOfficeSecurity.SIGN_IN + "/failed").forward(request, response);
	}

}
