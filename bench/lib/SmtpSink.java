import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An SMTP server for bench/subscribers.sh that accepts every message and keeps none: it
 * answers as quickly as it can, so what is measured is Gazette's pace, not the sink's.
 * Listens on 127.0.0.1 only. Every 200 ms it writes "messages bytes first_ms last_ms" to
 * the status file (written whole, then moved into place), and it stops after the given
 * number of seconds at most. With DELAY_MS it plays a slow server: it waits that long
 * before its answer to each message (after the data's final dot), as a busy relay does.
 * Usage: java bench/lib/SmtpSink.java PORT STATUS_FILE MAX_SECONDS [DELAY_MS]
 */
public class SmtpSink {

	private static final AtomicLong messages = new AtomicLong();

	private static final AtomicLong bytes = new AtomicLong();

	private static final AtomicLong first = new AtomicLong();

	private static final AtomicLong last = new AtomicLong();

	private static long delayMs;

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(args[0]);
		Path status = Path.of(args[1]);
		long stopAt = System.currentTimeMillis() + Long.parseLong(args[2]) * 1000;
		delayMs = (args.length > 3) ? Long.parseLong(args[3]) : 0;
		ServerSocket server = new ServerSocket(port, 200, InetAddress.getLoopbackAddress());
		ExecutorService sessions = Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, "smtp-session");
			thread.setDaemon(true);
			return thread;
		});
		Thread writer = new Thread(() -> {
			while (System.currentTimeMillis() < stopAt) {
				try {
					write(status);
					Thread.sleep(200);
				}
				catch (IOException | InterruptedException ex) {
					return;
				}
			}
			try {
				write(status);
				server.close();
			}
			catch (IOException ex) {
				// closing
			}
		}, "status");
		writer.start();
		System.out.println("SMTP sink on 127.0.0.1:" + port + ", " + delayMs + " ms before each answer to a message");
		while (!server.isClosed()) {
			try {
				Socket client = server.accept();
				sessions.execute(() -> session(client));
			}
			catch (IOException ex) {
				// closed at the deadline
			}
		}
		write(status);
	}

	private static void write(Path status) throws IOException {
		Path next = status.resolveSibling(status.getFileName() + ".next");
		Files.writeString(next, messages.get() + " " + bytes.get() + " " + first.get() + " " + last.get() + "\n");
		Files.move(next, status, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	private static void session(Socket client) {
		try (client) {
			BufferedReader in = new BufferedReader(
					new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
			OutputStream out = client.getOutputStream();
			reply(out, "220 sink ESMTP");
			String line;
			while ((line = in.readLine()) != null) {
				String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
				switch (command) {
					case "EHLO" -> reply(out, "250-sink\r\n250-8BITMIME\r\n250 SIZE 52428800");
					case "DATA" -> {
						reply(out, "354 end with <CRLF>.<CRLF>");
						long size = 0;
						String data;
						while ((data = in.readLine()) != null && !".".equals(data)) {
							size += data.length() + 2;
						}
						if (delayMs > 0) {
							try {
								Thread.sleep(delayMs);
							}
							catch (InterruptedException ex) {
								return;
							}
						}
						long now = System.currentTimeMillis();
						first.compareAndSet(0, now);
						last.set(now);
						bytes.addAndGet(size);
						messages.incrementAndGet();
						reply(out, "250 queued");
					}
					case "QUIT" -> {
						reply(out, "221 bye");
						return;
					}
					default -> reply(out, "250 ok");
				}
			}
		}
		catch (IOException ex) {
			// the client went away
		}
	}

	private static void reply(OutputStream out, String line) throws IOException {
		out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

}
