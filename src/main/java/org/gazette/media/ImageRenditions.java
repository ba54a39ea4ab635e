package org.gazette.media;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Checks an uploaded image by decoding it for real, and re-encodes it into the widths
 * pages use. Only pixels are written back: EXIF (with GPS positions), XMP, comments and
 * anything appended after the image (a polyglot's script) are left behind, and metadata
 * is never even parsed.
 */
final class ImageRenditions {

	/** The widths pages ask for; an image is never scaled up to one. */
	static final List<Integer> WIDTHS = List.of(480, 960, 1600);

	private static final float JPEG_QUALITY = 0.85f;

	private ImageRenditions() {
	}

	/**
	 * The re-encoded renditions of a checked image.
	 *
	 * @param width the largest rendition's width
	 * @param height the largest rendition's height
	 * @param extension {@code jpg} or {@code png}
	 * @param mediaType its content type
	 * @param files temporary files by width, smallest first; the caller stores and
	 * deletes them
	 */
	record Result(int width, int height, String extension, String mediaType, Map<Integer, Path> files) {

		void deleteFiles() {
			this.files.values().forEach((file) -> file.toFile().delete());
		}

	}

	static Result of(Path file, FileType type, long maxPixels) throws IOException {
		BufferedImage image = decode(file, type, maxPixels);
		boolean alpha = image.getColorModel().hasAlpha();
		// Photographs stay JPEG; drawings (PNG, GIF) and anything transparent become PNG.
		boolean png = alpha || type == FileType.PNG || type == FileType.GIF;
		int outputType = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
		List<Integer> widths = widthsFor(image.getWidth());
		Map<Integer, Path> files = new LinkedHashMap<>();
		try {
			for (int width : widths) {
				BufferedImage scaled = scale(image, width, scaledHeight(image.getWidth(), image.getHeight(), width),
						outputType);
				Path out = Files.createTempFile("gazette-rendition-", png ? ".png" : ".jpg");
				files.put(width, out);
				write(scaled, out, png);
			}
		}
		catch (IOException | RuntimeException ex) {
			files.values().forEach((path) -> path.toFile().delete());
			throw ex;
		}
		int largest = widths.get(widths.size() - 1);
		return new Result(largest, scaledHeight(image.getWidth(), image.getHeight(), largest), png ? "png" : "jpg",
				png ? "image/png" : "image/jpeg", files);
	}

	/**
	 * The widths to make: those listed that are narrower, then the image's own or 1600.
	 */
	static List<Integer> widthsFor(int width) {
		int top = Math.min(width, WIDTHS.get(WIDTHS.size() - 1));
		List<Integer> widths = new ArrayList<>(WIDTHS.stream().filter((w) -> w < top).toList());
		widths.add(top);
		return widths;
	}

	static int scaledHeight(int width, int height, int toWidth) {
		return Math.max(1, (int) Math.round((double) height * toWidth / width));
	}

	private static BufferedImage decode(Path file, FileType type, long maxPixels) throws IOException {
		try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
			Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(type.imageFormat());
			if (in == null || !readers.hasNext()) {
				throw new IllegalStateException("No image reader for " + type);
			}
			ImageReader reader = readers.next();
			try {
				// Forward only, metadata ignored: nothing but the header and the pixels
				// is read.
				reader.setInput(in, true, true);
				long width = reader.getWidth(0);
				long height = reader.getHeight(0);
				if (width <= 0 || height <= 0) {
					throw unreadable(type);
				}
				if (width * height > maxPixels) {
					throw InvalidMediaException
						.file(String.format(Locale.US,
								"The image is %,d × %,d pixels; the library accepts images of up to %,d megapixels. "
										+ "Make it smaller and upload it again.",
								width, height, maxPixels / 1_000_000));
				}
				List<String> warnings = new ArrayList<>();
				reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
				BufferedImage image = reader.read(0);
				// Readers report a truncated or damaged file as a warning and return
				// whatever they decoded: gray bands would be published.
				if (!warnings.isEmpty() || image == null) {
					throw unreadable(type);
				}
				return image;
			}
			catch (IOException | IllegalArgumentException | IllegalStateException | ArrayIndexOutOfBoundsException
					| NegativeArraySizeException ex) {
				throw unreadable(type);
			}
			finally {
				reader.dispose();
			}
		}
	}

	private static InvalidMediaException unreadable(FileType type) {
		return InvalidMediaException.file("The file starts like a " + type.label()
				+ " but could not be read as one: it may be damaged or incomplete. Export it again and upload the new file.");
	}

	private static BufferedImage scale(BufferedImage source, int width, int height, int type) {
		BufferedImage current = source;
		// Halving step by step keeps detail that one large bicubic step would alias away.
		while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) {
			current = draw(current, current.getWidth() / 2, current.getHeight() / 2, type,
					RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		}
		return draw(current, width, height, type, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
	}

	private static BufferedImage draw(BufferedImage source, int width, int height, int type, Object interpolation) {
		BufferedImage target = new BufferedImage(width, height, type);
		Graphics2D graphics = target.createGraphics();
		try {
			graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
			graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			if (type == BufferedImage.TYPE_INT_RGB) {
				// Fully transparent pixels of an opaque-looking GIF become white, not
				// black.
				graphics.setColor(java.awt.Color.WHITE);
				graphics.fillRect(0, 0, width, height);
			}
			graphics.drawImage(source, 0, 0, width, height, null);
		}
		finally {
			graphics.dispose();
		}
		return target;
	}

	private static void write(BufferedImage image, Path out, boolean png) throws IOException {
		ImageWriter writer = ImageIO.getImageWritersByFormatName(png ? "png" : "jpeg").next();
		try (ImageOutputStream stream = ImageIO.createImageOutputStream(out.toFile())) {
			writer.setOutput(stream);
			ImageWriteParam param = writer.getDefaultWriteParam();
			if (!png) {
				param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
				param.setCompressionQuality(JPEG_QUALITY);
				param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
			}
			writer.write(null, new IIOImage(image, null, null), param);
		}
		finally {
			writer.dispose();
		}
	}

}
