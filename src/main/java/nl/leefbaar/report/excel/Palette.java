package nl.leefbaar.report.excel;

/**
 * The colours of every workbook: Okabe and Ito's palette, which readers with the common
 * colour-vision deficiencies tell apart (outputs.md: "colours come from a
 * colour-blind-safe palette"), and light tints of it for cell fills, so that black text
 * stays readable on them. A colour never says anything alone: each comes with a word or a
 * symbol (flag words, band words, "▲ slechter").
 */
final class Palette {

	static final byte[] BLACK = rgb(0x00, 0x00, 0x00);

	static final byte[] ORANGE = rgb(0xe6, 0x9f, 0x00);

	static final byte[] SKY_BLUE = rgb(0x56, 0xb4, 0xe9);

	static final byte[] BLUISH_GREEN = rgb(0x00, 0x9e, 0x73);

	static final byte[] YELLOW = rgb(0xf0, 0xe4, 0x42);

	static final byte[] BLUE = rgb(0x00, 0x72, 0xb2);

	static final byte[] VERMILLION = rgb(0xd5, 0x5e, 0x00);

	static final byte[] REDDISH_PURPLE = rgb(0xcc, 0x79, 0xa7);

	/** The eight colours in Okabe and Ito's order, for chart series. */
	static final byte[][] SERIES = { BLACK, ORANGE, SKY_BLUE, BLUISH_GREEN, YELLOW, BLUE, VERMILLION, REDDISH_PURPLE };

	/** Bad news: vermillion text; good news: blue text (the pair that stays apart). */
	static final byte[] WORSE = VERMILLION;

	static final byte[] BETTER = BLUE;

	static final byte[] NEUTRAL = rgb(0x59, 0x59, 0x59);

	/** Header fill: a light tint of blue. */
	static final byte[] HEADER_FILL = tint(BLUE, 0.85);

	private Palette() {
	}

	/** The colour mixed with white: share 0 is the colour, 1 is white. */
	static byte[] tint(byte[] colour, double white) {
		byte[] tinted = new byte[3];
		for (int i = 0; i < 3; i++) {
			int c = colour[i] & 0xff;
			tinted[i] = (byte) Math.round(c + (255 - c) * white);
		}
		return tinted;
	}

	static byte[] rgb(int r, int g, int b) {
		return new byte[] { (byte) r, (byte) g, (byte) b };
	}

}
