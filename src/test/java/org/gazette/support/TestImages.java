package org.gazette.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;

/**
 * Files for media tests, made in the test: good images and documents, each different from
 * the last (so none is taken for an earlier upload), and the bad ones uploads must
 * refuse.
 */
public final class TestImages {

	private static final AtomicInteger SEED = new AtomicInteger();

	private TestImages() {
	}

	public static byte[] png(int width, int height) {
		return encode(picture(width, height, BufferedImage.TYPE_INT_RGB), "png");
	}

	public static byte[] jpeg(int width, int height) {
		return encode(picture(width, height, BufferedImage.TYPE_INT_RGB), "jpeg");
	}

	public static byte[] gif(int width, int height) {
		return encode(picture(width, height, BufferedImage.TYPE_INT_RGB), "gif");
	}

	/**
	 * A JPEG with an EXIF segment (as cameras write, with the GPS position) after SOI.
	 */
	public static byte[] jpegWithExif(int width, int height, String secret) {
		byte[] jpeg = jpeg(width, height);
		byte[] payload = ("Exif\0\0MM\0*\0\0\0\u0008GPSLatitude " + secret).getBytes(StandardCharsets.ISO_8859_1);
		ByteBuffer out = ByteBuffer.allocate(jpeg.length + payload.length + 4);
		out.put(jpeg, 0, 2);
		out.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (payload.length + 2)).put(payload);
		out.put(jpeg, 2, jpeg.length - 2);
		return out.array();
	}

	/** A small, valid PNG whose header claims the given size: a decompression bomb. */
	public static byte[] pngClaiming(int width, int height) {
		byte[] png = png(8, 8);
		// IHDR data starts at byte 16 (8 signature, 4 length, 4 type); its CRC follows at
		// 29.
		ByteBuffer buffer = ByteBuffer.wrap(png);
		buffer.putInt(16, width).putInt(20, height);
		CRC32 crc = new CRC32();
		crc.update(png, 12, 17);
		buffer.putInt(29, (int) crc.getValue());
		return png;
	}

	public static byte[] truncated(byte[] file) {
		return Arrays.copyOf(file, file.length / 2);
	}

	public static byte[] followedBy(byte[] file, String text) {
		byte[] tail = text.getBytes(StandardCharsets.UTF_8);
		byte[] out = Arrays.copyOf(file, file.length + tail.length);
		System.arraycopy(tail, 0, out, file.length, tail.length);
		return out;
	}

	public static byte[] pdf() {
		return pdf(false);
	}

	/** A PDF that runs JavaScript when opened. */
	public static byte[] pdfWithJavaScript() {
		return pdf(true);
	}

	private static byte[] pdf(boolean script) {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			document.addPage(new PDPage());
			document.getDocumentInformation().setTitle("Fact sheet " + SEED.incrementAndGet());
			if (script) {
				document.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('hello');"));
			}
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static BufferedImage picture(int width, int height, int type) {
		BufferedImage image = new BufferedImage(width, height, type);
		Graphics2D graphics = image.createGraphics();
		int seed = SEED.incrementAndGet();
		graphics.setColor(new Color(Color.HSBtoRGB((seed % 97) / 97f, 0.6f, 0.8f)));
		graphics.fillRect(0, 0, width, height);
		graphics.setColor(new Color(seed * 7919 & 0xFFFFFF));
		graphics.fillOval(width / 4, height / 4, Math.max(1, width / 2), Math.max(1, height / 2));
		graphics.dispose();
		return image;
	}

	private static byte[] encode(BufferedImage image, String format) {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			ImageIO.write(image, format, out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
