package cn.shuangyong.tenants.needs.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words of a list search ({@code q=}), split at whitespace (the ideographic space too): a need
 * matches when its title or description contains every word, ignoring case. {@link #grams()} are
 * what the {@code need_search} GIN index holds of each need (its lower-cased characters and
 * character pairs without whitespace, see the migration {@code need_list_search}): a need can only
 * contain a word when it has all the word's grams. For a word of one or two characters that is also
 * enough (the pair cannot span title and description, which are joined by a space); a longer word
 * is checked exactly by {@link #likePatterns()}.
 */
record SearchTerms(List<String> words) {

  public static SearchTerms of(String text) {
    Set<String> words = new LinkedHashSet<>();
    for (String word : text.strip().split("[\\s\\p{Z}]+")) {
      if (!word.isEmpty()) {
        words.add(word.toLowerCase(Locale.ROOT));
      }
    }
    return new SearchTerms(List.copyOf(words));
  }

  public boolean isEmpty() {
    return words.isEmpty();
  }

  /** A one-character word is its own gram; a longer word needs all its adjacent pairs. */
  public String[] grams() {
    Set<String> grams = new LinkedHashSet<>();
    for (String word : words) {
      int[] codePoints = word.codePoints().toArray();
      if (codePoints.length == 1) {
        grams.add(word);
      }
      for (int i = 0; i + 1 < codePoints.length; i++) {
        grams.add(new String(codePoints, i, 2));
      }
    }
    return grams.toArray(String[]::new);
  }

  /** One ilike pattern per word longer than two characters, with % _ and \ taken literally. */
  public List<String> likePatterns() {
    return words.stream()
        .filter(w -> w.codePointCount(0, w.length()) > 2)
        .map(w -> "%" + w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
        .toList();
  }
}
