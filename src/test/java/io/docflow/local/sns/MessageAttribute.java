package io.docflow.local.sns;

import java.math.BigDecimal;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One SNS message attribute as published: its data type ({@code String}, {@code String.Array}, {@code Number},
 * {@code Binary}, optionally with a custom label after a dot) and a string or binary value.
 */
record MessageAttribute(String dataType, String stringValue, byte[] binaryValue) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]([A-Za-z0-9_.-]{0,254}[A-Za-z0-9_-])?");

    /** The attributes in {@code MessageAttributes.entry.N.Name / .Value.*}, checked as SNS checks them. */
    static Map<String, MessageAttribute> from(QueryParams params) {
        Map<String, MessageAttribute> attributes = new LinkedHashMap<>();
        for (QueryParams entry : params.numbered("MessageAttributes.entry")) {
            String name = entry.required("Name");
            QueryParams value = entry.under("Value");
            attributes.put(checkName(name), check(name, value.required("DataType"), value.optional("StringValue"),
                    value.optional("BinaryValue")));
        }
        return attributes;
    }

    String baseType() {
        int dot = dataType.indexOf('.');
        return dot < 0 ? dataType : dataType.substring(0, dot);
    }

    boolean isArray() {
        return dataType.equals("String.Array");
    }

    /** The value as the SNS JSON envelope shows it: binary values in base64. */
    String envelopeValue() {
        return binaryValue != null ? Base64.getEncoder().encodeToString(binaryValue) : stringValue;
    }

    private static String checkName(String name) {
        if (!NAME.matcher(name).matches() || name.contains("..") || name.startsWith("AWS.") || name.startsWith("Amazon.")) {
            throw SnsFault.invalidParameter("Invalid parameter: Message attribute name '" + name + "' is not valid");
        }
        return name;
    }

    private static MessageAttribute check(String name, String dataType, String stringValue, String binaryValue) {
        MessageAttribute attribute = new MessageAttribute(dataType, stringValue,
                binaryValue == null ? null : decode(name, binaryValue));
        String base = attribute.baseType();
        if (!base.equals("String") && !base.equals("Number") && !base.equals("Binary")) {
            throw SnsFault.invalidValue("The message attribute '" + name + "' has an invalid message attribute type, "
                    + "the set of supported type prefixes is Binary, Number, and String.");
        }
        boolean binary = base.equals("Binary");
        if (binary ? attribute.binaryValue == null : stringValue == null || stringValue.isEmpty()) {
            throw SnsFault.invalidValue("The message attribute '" + name + "' must contain non-empty message attribute "
                    + "value for message attribute type '" + dataType + "'.");
        }
        if (base.equals("Number")) {
            try {
                new BigDecimal(stringValue.trim());
            } catch (NumberFormatException e) {
                throw SnsFault.invalidValue("Could not cast message attribute '" + name + "' value to number.");
            }
        }
        if (attribute.isArray() && !parsesAsArray(stringValue)) {
            throw SnsFault.invalidValue("The message attribute '" + name + "' with type 'String.Array' "
                    + "must be a JSON array.");
        }
        return attribute;
    }

    private static byte[] decode(String name, String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw SnsFault.invalidValue("The message attribute '" + name + "' has a BinaryValue that is not base64.");
        }
    }

    private static boolean parsesAsArray(String value) {
        try {
            JsonNode node = JSON.readTree(value);
            return node != null && node.isArray();
        } catch (JsonProcessingException e) {
            return false;
        }
    }
}
