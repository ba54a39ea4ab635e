package org.gazette.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An upload copied to a temporary file, hashed on the way, and cut off as soon as it
 * passes the size limit (nothing more is read, so an endless upload costs nothing).
 * Deleted on close.
 *
 * @param path the temporary copy
 * @param sha256 hash of its bytes
 * @param size its size
 * @param head its first bytes, for recognising its type
 */
record IncomingFile(Path path, String sha256, long size, byte[] head) implements AutoCloseable {

	static IncomingFile copy(InputStream in, long maxBytes) throws IOException {
		Path path = Files.createTempFile("gazette-upload-", ".part");
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			long size = 0;
			byte[] head = new byte[FileType.HEAD];
			int headLength = 0;
			try (OutputStream out = new DigestOutputStream(Files.newOutputStream(path), sha256)) {
				byte[] buffer = new byte[64 * 1024];
				int read;
				while ((read = in.read(buffer)) != -1) {
					if (size + read > maxBytes) {
						throw InvalidMediaException.file("The file is larger than " + MediaAsset.sizeLabel(maxBytes)
								+ ", the most the library accepts. Make it smaller and upload it again.");
					}
					if (headLength < head.length) {
						int n = Math.min(read, head.length - headLength);
						System.arraycopy(buffer, 0, head, headLength, n);
						headLength += n;
					}
					out.write(buffer, 0, read);
					size += read;
				}
			}
			return new IncomingFile(path, HexFormat.of().formatHex(sha256.digest()), size,
					Arrays.copyOf(head, headLength));
		}
		catch (NoSuchAlgorithmException ex) {
			Files.deleteIfExists(path);
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(path);
			throw ex;
		}
	}

	@Override
	public void close() throws IOException {
		Files.deleteIfExists(this.path);
	}

}
