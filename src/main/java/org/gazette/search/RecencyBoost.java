package org.gazette.search;

import java.io.IOException;
import java.util.Objects;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;

/**
 * A mild freshness boost: a story released today scores up to 20% higher than an old one
 * on the same words, fading over about a year, so relevance still decides.
 */
final class RecencyBoost extends DoubleValuesSource {

	private static final double DAY_MILLIS = 86_400_000d;

	private final String field;

	private final long nowMillis;

	RecencyBoost(String field, long nowMillis) {
		this.field = field;
		this.nowMillis = nowMillis;
	}

	@Override
	public DoubleValues getValues(LeafReaderContext context, DoubleValues scores) throws IOException {
		NumericDocValues releases = DocValues.getNumeric(context.reader(), this.field);
		return new DoubleValues() {
			private double value = 1;

			@Override
			public double doubleValue() {
				return this.value;
			}

			@Override
			public boolean advanceExact(int doc) throws IOException {
				if (!releases.advanceExact(doc)) {
					this.value = 1;
					return true;
				}
				double ageDays = Math.max(0, (RecencyBoost.this.nowMillis - releases.longValue()) / DAY_MILLIS);
				this.value = 1 + 0.2 / (1 + ageDays / 90);
				return true;
			}
		};
	}

	@Override
	public boolean needsScores() {
		return false;
	}

	@Override
	public DoubleValuesSource rewrite(IndexSearcher searcher) {
		return this;
	}

	@Override
	public boolean isCacheable(LeafReaderContext context) {
		return false;
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.field, this.nowMillis);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof RecencyBoost boost && boost.field.equals(this.field)
				&& boost.nowMillis == this.nowMillis;
	}

	@Override
	public String toString() {
		return "recency(" + this.field + ")";
	}

}
