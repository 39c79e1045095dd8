package io.certtrail.platform.privacy.encryption;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.certtrail.events.PersonalData;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

/**
 * The event serializer with every {@link PersonalData} field sealed under its person's key
 * ({@link PersonalDataCipher}, {@link PersonKeys}): the stored JSON holds the sealed text in its
 * place, and reading opens it again. A value stored before encryption reads as it is; a value whose
 * key was destroyed reads as {@link #ERASED} (text) or null (anything else), in every replay and
 * rebuild alike.
 *
 * <p>The person: the event's account when it names one ({@code account:<id>}), else the address it
 * is about ({@code address:<key>}: its {@code addressKey}, a nested record's, or the key of its
 * {@code email}). An event naming neither keeps its fields as they are.
 */
public class PersonalDataSerializer implements Serializer {

    /** What an erased text field reads as. */
    public static final String ERASED = "erased";

    /** A sealed value that held JSON (a list, a record) rather than text. */
    private static final String JSON_MARK = "j:";

    private final Serializer delegate;
    private final ObjectMapper json;
    private final PersonKeys keys;
    private final UnaryOperator<String> addressKeyOfEmail;

    /**
     * @param delegate Axon's Jackson serializer, which fixes the stored format
     * @param addressKeyOfEmail the address key of an e-mail address, as the domain derives it
     */
    public PersonalDataSerializer(
            Serializer delegate, ObjectMapper json, PersonKeys keys, UnaryOperator<String> addressKeyOfEmail) {
        this.delegate = delegate;
        this.json = json;
        this.keys = keys;
        this.addressKeyOfEmail = addressKeyOfEmail;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        if (object != null && !object.getClass().isRecord()) {
            Optional<String> account = aggregateAccount(object);
            if (account.isPresent()) {
                // an aggregate's snapshot (the Account: its addresses): sealed whole under its account
                SerializedObject<JsonNode> plain = delegate.serialize(object, JsonNode.class);
                String subject = "account:" + account.get();
                JsonNode sealed = TextNode.valueOf(PersonalDataCipher.seal(
                        subject,
                        keys.keyFor(subject),
                        JSON_MARK + plain.getData().toString()));
                return getConverter()
                        .convert(
                                new SimpleSerializedObject<>(sealed, JsonNode.class, plain.getType()),
                                expectedRepresentation);
            }
        }
        if (object == null || !object.getClass().isRecord() || !hasPersonalData(object.getClass(), 0)) {
            return delegate.serialize(object, expectedRepresentation);
        }
        Optional<String> subject = subjectOf(object);
        if (subject.isEmpty()) {
            return delegate.serialize(object, expectedRepresentation);
        }
        // the tree straight from the record (the stored format's mapper), not written and parsed again: in
        // a profile of a bulk import the round trip was a third of what sealing cost
        JsonNode tree = json.valueToTree(object);
        seal(object, tree, subject.get());
        SerializedObject<JsonNode> sealed =
                new SimpleSerializedObject<>(tree, JsonNode.class, delegate.typeForClass(object.getClass()));
        return getConverter().convert(sealed, expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        if (SerializedType.emptyType().equals(serializedObject.getType())) {
            return delegate.deserialize(serializedObject);
        }
        if (!mayBeSealed(serializedObject.getData())) {
            return delegate.deserialize(serializedObject); // most events: no second parse
        }
        SerializedObject<JsonNode> tree = getConverter().convert(serializedObject, JsonNode.class);
        JsonNode data = tree.getData();
        if (!containsSealed(data)) {
            return delegate.deserialize(serializedObject);
        }
        JsonNode opened = open(data.deepCopy());
        return delegate.deserialize(new SimpleSerializedObject<>(opened, JsonNode.class, tree.getType()));
    }

    /** Seals the person's fields of this record (and of the records within it) in its JSON tree. */
    private void seal(Object record, JsonNode tree, String subject) {
        if (!(tree instanceof ObjectNode node)) {
            return;
        }
        for (Component component : COMPONENTS.get(record.getClass())) {
            Object value = component.value(record);
            JsonNode field = node.get(component.name());
            if (value == null || field == null || field.isNull()) {
                continue;
            }
            if (component.personal()) {
                String plaintext = field.isTextual() ? field.asText() : JSON_MARK + field.toString();
                node.set(
                        component.name(),
                        TextNode.valueOf(PersonalDataCipher.seal(subject, keys.keyFor(subject), plaintext)));
            } else if (value.getClass().isRecord()) {
                seal(value, field, subject);
            } else if (value instanceof Collection<?> items && field instanceof ArrayNode array) {
                Iterator<?> each = items.iterator();
                for (JsonNode element : array) {
                    Object item = each.hasNext() ? each.next() : null;
                    if (item != null && item.getClass().isRecord()) {
                        seal(item, element, subject);
                    }
                }
            }
        }
    }

    /** The tree with every sealed value opened, or erased when its key is gone. */
    private JsonNode open(JsonNode node) {
        if (node.isTextual() && PersonalDataCipher.isSealed(node.asText())) {
            String sealed = node.asText();
            Optional<String> plain = keys.find(PersonalDataCipher.subjectOf(sealed))
                    .flatMap(key -> PersonalDataCipher.open(sealed, key));
            if (plain.isEmpty()) {
                // erased: a sealed list or record cannot be told from a sealed text once its key is gone
                return TextNode.valueOf(ERASED);
            }
            String value = plain.get();
            if (value.startsWith(JSON_MARK)) {
                try {
                    return json.readTree(value.substring(JSON_MARK.length()));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException("A sealed value did not hold JSON", e);
                }
            }
            return TextNode.valueOf(value);
        }
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                field.setValue(open(field.getValue()));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, open(array.get(i)));
            }
        }
        return node;
    }

    private static final byte[] MARK =
            ("\"" + PersonalDataCipher.PREFIX).getBytes(java.nio.charset.StandardCharsets.UTF_8);

    /** Whether the stored form may hold a sealed value: a cheap look at the bytes before any parse. */
    private static boolean mayBeSealed(Object data) {
        if (data instanceof byte[] bytes) {
            outer:
            for (int i = 0; i + MARK.length <= bytes.length; i++) {
                for (int j = 0; j < MARK.length; j++) {
                    if (bytes[i + j] != MARK[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }
        if (data instanceof String text) {
            return text.contains("\"" + PersonalDataCipher.PREFIX);
        }
        return true;
    }

    private static boolean containsSealed(JsonNode node) {
        if (node.isTextual()) {
            return PersonalDataCipher.isSealed(node.asText());
        }
        for (JsonNode child : node) {
            if (containsSealed(child)) {
                return true;
            }
        }
        return false;
    }

    /** The account of an aggregate's snapshot: its {@code accountId} field, if it has one. */
    private static Optional<String> aggregateAccount(Object aggregate) {
        for (Class<?> type = aggregate.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            try {
                java.lang.reflect.Field field = type.getDeclaredField("accountId");
                if (field.getType() == String.class) {
                    field.setAccessible(true);
                    return Optional.ofNullable((String) field.get(aggregate)).filter(id -> !id.isBlank());
                }
            } catch (NoSuchFieldException next) {
                // its superclass, perhaps
            } catch (IllegalAccessException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The person an event is about: its account, else its address. */
    Optional<String> subjectOf(Object event) {
        Object account = component(event, "accountId");
        if (account instanceof String id && !id.isBlank()) {
            return Optional.of("account:" + id);
        }
        String address = addressKeyOf(event, 0);
        if (address != null) {
            return Optional.of("address:" + address);
        }
        Object email = component(event, "email");
        if (email instanceof String text && !text.isBlank()) {
            return Optional.of("address:" + addressKeyOfEmail.apply(text));
        }
        return Optional.empty();
    }

    private static String addressKeyOf(Object record, int depth) {
        Object key = component(record, "addressKey");
        if (key instanceof String text && !text.isBlank()) {
            return text;
        }
        if (depth > 0) {
            return null;
        }
        for (Component component : COMPONENTS.get(record.getClass())) {
            Object value = component.value(record);
            if (value != null && value.getClass().isRecord()) {
                String nested = addressKeyOf(value, depth + 1);
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }

    /** Whether a record type holds personal data, in its own fields or in the records within it. */
    public static boolean hasPersonalData(Class<?> type) {
        return hasPersonalData(type, 0);
    }

    private static final ClassValue<Boolean> HAS_PERSONAL_DATA = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return hasPersonalData(type, 1);
        }
    };

    private static boolean hasPersonalData(Class<?> type, int depth) {
        if (depth == 0) {
            return HAS_PERSONAL_DATA.get(type);
        }
        if (depth > 4 || !type.isRecord()) {
            return false;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.isAnnotationPresent(PersonalData.class)) {
                return true;
            }
            Class<?> nested = component.getType();
            if (nested.isRecord() && hasPersonalData(nested, depth + 1)) {
                return true;
            }
            if (Collection.class.isAssignableFrom(nested)
                    && component.getGenericType() instanceof java.lang.reflect.ParameterizedType generic
                    && generic.getActualTypeArguments()[0] instanceof Class<?> element
                    && hasPersonalData(element, depth + 1)) {
                return true;
            }
        }
        return false;
    }

    private static Object component(Object record, String name) {
        for (Component component : COMPONENTS.get(record.getClass())) {
            if (component.name().equals(name)) {
                return component.value(record);
            }
        }
        return null;
    }

    /** A record's component, looked up once per type (reflection per event showed in the import's profile). */
    private record Component(String name, boolean personal, java.lang.reflect.Method accessor) {

        Object value(Object record) {
            try {
                return accessor.invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final ClassValue<List<Component>> COMPONENTS = new ClassValue<>() {
        @Override
        protected List<Component> computeValue(Class<?> type) {
            List<Component> components = new java.util.ArrayList<>();
            for (RecordComponent component : type.getRecordComponents()) {
                java.lang.reflect.Method accessor = component.getAccessor();
                accessor.setAccessible(true);
                components.add(new Component(
                        component.getName(), component.isAnnotationPresent(PersonalData.class), accessor));
            }
            return List.copyOf(components);
        }
    };

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
