import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.Random;

import javax.imageio.ImageIO;

/**
 * A photograph-like JPEG for bench/media-upload.sh: gradients, shapes and noise, so the
 * encoder works as it would on a real photo (a flat image compresses to nothing).
 * Usage: java bench/lib/MakePhoto.java out.jpg WIDTH HEIGHT
 */
public class MakePhoto {

	public static void main(String[] args) throws Exception {
		int width = Integer.parseInt(args[1]);
		int height = Integer.parseInt(args[2]);
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Random random = new Random(42);
		Graphics2D g = image.createGraphics();
		for (int y = 0; y < height; y++) {
			g.setColor(new Color(Color.HSBtoRGB(0.55f + 0.1f * y / height, 0.5f, 0.4f + 0.5f * y / height)));
			g.drawLine(0, y, width, y);
		}
		for (int i = 0; i < 200; i++) {
			g.setColor(new Color(random.nextInt(0xFFFFFF)));
			g.fillOval(random.nextInt(width), random.nextInt(height), 20 + random.nextInt(width / 8),
					20 + random.nextInt(height / 8));
		}
		g.dispose();
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				int rgb = image.getRGB(x, y);
				int n = random.nextInt(24) - 12;
				int r = clamp(((rgb >> 16) & 0xFF) + n), gr = clamp(((rgb >> 8) & 0xFF) + n), b = clamp((rgb & 0xFF) + n);
				image.setRGB(x, y, (r << 16) | (gr << 8) | b);
			}
		}
		ImageIO.write(image, "jpeg", new File(args[0]));
	}

	private static int clamp(int v) {
		return Math.max(0, Math.min(255, v));
	}

}
