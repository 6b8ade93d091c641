package org.jumpdesk.shared;

/** Small rules about free text that several use cases share. */
public final class Texts {

    private Texts() {}

    /** An empty or blank optional text is stored as absent. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
