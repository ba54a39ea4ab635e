package org.gazette.platform;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;

import javax.net.SocketFactory;

/**
 * Plain sockets with Nagle's algorithm off, for the connection to the SMTP server. The
 * mail client writes a message in several small segments and then waits for the reply;
 * with Nagle on, the last segment waits for the server's delayed acknowledgement of the
 * first, about 40 ms per email whatever the machine's load: 20 emails a second instead of
 * 170 (bench/README.md, "Email subscriptions"). Angus Mail finds it by the class name in
 * {@code mail.smtp.socketFactory.class} (application.yaml) and calls
 * {@link #getDefault()}.
 */
public final class NoDelaySocketFactory extends SocketFactory {

	private static final NoDelaySocketFactory INSTANCE = new NoDelaySocketFactory();

	private NoDelaySocketFactory() {
	}

	public static SocketFactory getDefault() {
		return INSTANCE;
	}

	@Override
	public Socket createSocket() throws IOException {
		return noDelay(new Socket());
	}

	@Override
	public Socket createSocket(String host, int port) throws IOException {
		return noDelay(new Socket(host, port));
	}

	@Override
	public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
		return noDelay(new Socket(host, port, local, localPort));
	}

	@Override
	public Socket createSocket(InetAddress host, int port) throws IOException {
		return noDelay(new Socket(host, port));
	}

	@Override
	public Socket createSocket(InetAddress address, int port, InetAddress local, int localPort) throws IOException {
		return noDelay(new Socket(address, port, local, localPort));
	}

	private static Socket noDelay(Socket socket) throws IOException {
		socket.setTcpNoDelay(true);
		return socket;
	}

}
