package org.jumpdesk.jumpclients.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The search box's text split into free words and typed filters ({@code key:value}, value optionally in
 * double quotes). A {@code key:} that is not a filter key stays a word.
 *
 * @param words each must appear in one of the chosen fields
 * @param filters each must hold
 */
public record SearchTerms(List<String> words, List<Filter> filters) {

    /** Filter keys: {@code tag status ip name group comments user os method accessed}. */
    public static final Set<String> KEYS =
            Set.of("tag", "status", "ip", "name", "group", "comments", "user", "os", "method", "accessed");

    private static final Pattern TOKEN = Pattern.compile("([^\\s:\"]+):\"([^\"]*)\"|\"([^\"]*)\"|(\\S+)");

    /** One typed filter; the value may contain {@code *} wildcards. */
    public record Filter(String key, String value) {}

    public static SearchTerms parse(String text) {
        List<String> words = new ArrayList<>();
        List<Filter> filters = new ArrayList<>();
        if (text == null) {
            return new SearchTerms(words, filters);
        }
        Matcher token = TOKEN.matcher(text);
        while (token.find()) {
            if (token.group(1) != null) {
                add(token.group(1), token.group(2), token.group(), words, filters);
            } else if (token.group(3) != null) {
                if (!token.group(3).isBlank()) {
                    words.add(token.group(3));
                }
            } else {
                String plain = token.group(4);
                int colon = plain.indexOf(':');
                if (colon > 0 && colon < plain.length() - 1) {
                    add(plain.substring(0, colon), plain.substring(colon + 1), plain, words, filters);
                } else {
                    words.add(plain);
                }
            }
        }
        return new SearchTerms(List.copyOf(words), List.copyOf(filters));
    }

    private static void add(String key, String value, String whole, List<String> words, List<Filter> filters) {
        String normalKey = key.toLowerCase(Locale.ROOT);
        if (KEYS.contains(normalKey)) {
            filters.add(new Filter(normalKey, value));
        } else {
            words.add(whole);
        }
    }
}
