package org.ruralinfo.bench.jmh;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.ruralinfo.api.ExchangeDocument;
import org.ruralinfo.bench.Region;
import org.ruralinfo.exchange.ExistingRecords;
import org.ruralinfo.exchange.internal.JsonExchangeCodec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reading the region's year: the floor (Jackson's streaming parser over every token, every string
 * materialized, nothing kept) and the product's reader (parse, build the records, validate).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ExchangeBench {
    @Param("14")
    public int prefectures;

    public byte[] document;
    private final JsonFactory json = new JsonFactory();
    private final JsonExchangeCodec codec = new JsonExchangeCodec();

    @Setup
    public void setup() {
        document = Region.document(prefectures);
    }

    /** The floor: just parsing the document with the JSON library. */
    @Benchmark
    public long floorJacksonParse() throws IOException {
        long n = 0;
        try (JsonParser p = json.createParser(document)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.VALUE_STRING || t == JsonToken.FIELD_NAME) {
                    n += p.getText().length();
                } else {
                    n++;
                }
            }
        }
        return n;
    }

    /** The product's reader: streaming parse into records and full validation. */
    @Benchmark
    public ExchangeDocument codecRead() {
        return codec.read(new ByteArrayInputStream(document), ExistingRecords.NONE);
    }
}
