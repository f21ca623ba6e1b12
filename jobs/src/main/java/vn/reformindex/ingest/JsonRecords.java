package vn.reformindex.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses one JSON Lines record into a tree without interpreting its numbers, and masks what the
 * quarantine may not keep.
 *
 * <p>Numbers are kept as the text written ({@code 1e309}, a 400-digit integer, {@code NaN}), never
 * converted to a double or a BigInteger: each field's own check then rejects what is not a value of it,
 * and no number can fail the reader. A line is malformed (not a record) when it is not exactly one JSON
 * object, or when an object at any depth names a key twice: which value is meant cannot be decided.
 */
final class JsonRecords {
    /** The JSON fields of each nested list that the contract reads (input-format.md 1b). */
    static final Map<String, Set<String>> NESTED_FIELDS = Map.of(
            "TaiLieuNop", Set.of("DuocSoHoa", "DuocTaiSuDung", "DuocLayTuKhoDMQG"),
            "DanhSachLePhi", Set.of("Gia"),
            "DanhSachGiayToKetQua", Set.of("DuongDanTepTinKetQua"),
            "DanhSachHoSoBoSung", Set.of("NgayBoSung", "NgayTiepNhanBoSung"));

    static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS) // NaN, Infinity: values its field rejects, not a broken line
            .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(Integer.MAX_VALUE).build())
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final TextNode MASKED = TextNode.valueOf(RecordReader.MASK);

    private JsonRecords() {
    }

    /** Thrown when the line is not exactly one JSON object with unique keys. */
    private static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed() {
            super(null, null, false, false);
        }
    }

    /** The object, or null when the line is not exactly one JSON object with unique keys at every depth. */
    static ObjectNode parse(String line) {
        try (JsonParser p = FACTORY.createParser(line)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                return null;
            }
            ObjectNode o = (ObjectNode) value(p, t);
            return p.nextToken() == null ? o : null; // trailing content: not one object
        } catch (JsonProcessingException | Malformed e) {
            return null;
        } catch (IOException e) {
            return null; // reading a String cannot fail otherwise
        }
    }

    private static JsonNode value(JsonParser p, JsonToken t) throws IOException, Malformed {
        switch (t) {
            case START_OBJECT: {
                ObjectNode o = NODES.objectNode();
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    if (o.has(name)) {
                        throw new Malformed();
                    }
                    o.set(name, value(p, p.nextToken()));
                }
                if (t != JsonToken.END_OBJECT) {
                    throw new Malformed();
                }
                return o;
            }
            case START_ARRAY: {
                ArrayNode a = NODES.arrayNode();
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (t == null) {
                        throw new Malformed();
                    }
                    a.add(value(p, t));
                }
                return a;
            }
            case VALUE_STRING:
                return TextNode.valueOf(p.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new POJONode(new RawValue(p.getText())); // the number as written, serialised as written
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new Malformed();
        }
    }

    /**
     * A JSON value as the text of a single value: strings as they are, numbers as written, null as null;
     * a boolean, list or object (where a single value belongs) as {@link Values#INVALID}.
     */
    static String scalar(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            return v.asText();
        }
        if (v instanceof POJONode && ((POJONode) v).getPojo() instanceof RawValue) {
            return String.valueOf(((RawValue) ((POJONode) v).getPojo()).rawValue());
        }
        return Values.INVALID;
    }

    /** True for null, JSON null, a string or a number: what a single value may be. */
    static boolean isScalar(JsonNode v) {
        return v == null || v.isNull() || v.isTextual() || v instanceof POJONode;
    }

    /**
     * Masks the record for the quarantine, in place: personal fields and every field outside the contract
     * (at the top level, in the nested lists' elements, inside values that are not single values) keep
     * their name and lose their value ({@code ***}; empty values stay empty). What remains is the
     * contract's own fields.
     */
    static void mask(ObjectNode obj, Map<String, String> aliases) {
        for (String name : names(obj)) {
            JsonNode v = obj.get(name);
            DossierField f = ColumnMapping.field(vn.reformindex.reference.Text.nfc(name).trim(), aliases);
            Set<String> nested = NESTED_FIELDS.get(name);
            if (f != null && !f.personal() && isScalar(v)) {
                continue;
            }
            if (f == null && nested != null && v != null && v.isArray()) {
                for (JsonNode element : v) {
                    if (element instanceof ObjectNode) {
                        ObjectNode e = (ObjectNode) element;
                        for (String inner : names(e)) {
                            JsonNode iv = e.get(inner);
                            if (!nested.contains(inner) || !isScalar(iv)) {
                                e.set(inner, maskAll(iv));
                            }
                        }
                    }
                }
                ArrayNode a = (ArrayNode) v;
                for (int i = 0; i < a.size(); i++) {
                    if (!(a.get(i) instanceof ObjectNode)) {
                        a.set(i, maskAll(a.get(i)));
                    }
                }
                continue;
            }
            obj.set(name, maskAll(v));
        }
    }

    /** Every value inside replaced by the mask, names of objects kept; null and empty text stay. */
    static JsonNode maskAll(JsonNode v) {
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isEmpty())) {
            return v;
        }
        if (v instanceof ObjectNode) {
            ObjectNode o = (ObjectNode) v;
            for (String name : names(o)) {
                o.set(name, maskAll(o.get(name)));
            }
            return o;
        }
        if (v instanceof ArrayNode) {
            ArrayNode a = (ArrayNode) v;
            for (int i = 0; i < a.size(); i++) {
                a.set(i, maskAll(a.get(i)));
            }
            return a;
        }
        return MASKED;
    }

    private static List<String> names(ObjectNode o) {
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
