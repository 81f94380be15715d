package org.ruralinfo.web.internal;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.ruralinfo.api.ExchangeDocument;
import org.ruralinfo.api.RecordStore;
import org.ruralinfo.api.ValidationError;
import org.ruralinfo.api.ValidationException;
import org.ruralinfo.exchange.ExchangeCodec;
import org.ruralinfo.exchange.ExistingRecords;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes one record given to a registry endpoint (a unit, a calendar year) as a one-record exchange
 * document, so that it is validated by exactly the rules of an import; the errors name the fields of
 * the request body ({@code $.kind}), not of the wrapping document.
 */
final class SectionImport {
    private SectionImport() {
    }

    static ExchangeDocument read(ObjectMapper json, ExchangeCodec codec, RecordStore store, String section,
            ObjectNode record) {
        ObjectNode doc = json.createObjectNode();
        doc.put("format", ExchangeDocument.FORMAT);
        doc.putArray(section).add(record);
        try {
            return codec.read(new ByteArrayInputStream(json.writeValueAsBytes(doc)), ExistingRecords.of(store));
        } catch (ValidationException e) {
            String prefix = "$." + section + "[0]";
            List<ValidationError> errors = e.errors().stream()
                    .map(v -> new ValidationError(v.path().startsWith(prefix)
                            ? "$" + v.path().substring(prefix.length()) : v.path(), v.message()))
                    .toList();
            throw new ValidationException(errors.isEmpty() ? e.getMessage() : errors.get(0).toString(), errors);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
