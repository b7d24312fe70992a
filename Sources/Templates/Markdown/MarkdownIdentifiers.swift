extension Markdown {
  /// An explicit anchor for `<a id="...">`: the lowercase ASCII letters,
  /// digits, `-` and `_` of `text`, every other character dropped, so that
  /// it can neither end the attribute nor hold markup.
  /// `step-save-site-config` stays as it is.
  public static func anchorID(_ text: String) -> String {
    String(
      text.lowercased().unicodeScalars.filter {
        $0.isASCII
          && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-"
            || $0 == "_")
      }.map(Character.init))
  }

  /// A Mermaid node or subgraph id: the ASCII letters, digits and `_` of
  /// `text`, behind `n_` when that leaves nothing or a Mermaid keyword
  /// (`end`, `graph`, ...) could be read. `s12` stays as it is.
  public static func mermaidID(_ text: String) -> String {
    let kept = String(
      text.unicodeScalars.filter {
        $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_")
      }.map(Character.init))
    let keywords: Set<String> = [
      "end", "graph", "flowchart", "subgraph", "direction", "class", "classdef", "click",
      "style", "linkstyle", "default",
    ]
    return kept.isEmpty || keywords.contains(kept.lowercased()) ? "n_" + kept : kept
  }

  /// The text of a Mermaid label between `"` quotes, shown exactly as
  /// written: letters, digits, spaces and `.,:/()-_'` stay, and every other
  /// character becomes Mermaid's entity code `#NNN;` (its decimal scalar),
  /// so that no quote, bracket, `<`, `#`, `;`, backtick or line break can
  /// end the label, add markup or start a statement. Hidden characters are
  /// shown in their visible form first. `Wipe "prod" <now>` becomes
  /// `Wipe #34;prod#34; #60;now#62;`.
  public static func mermaidLabel(_ text: String) -> String {
    let kept = " .,:/()-_'".unicodeScalars
    var result = ""
    for scalar in visible(oneLine(text), keeping: []).unicodeScalars {
      if scalar.isASCII
        && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
          || kept.contains(scalar))
      {
        result.unicodeScalars.append(scalar)
      } else {
        result += "#\(scalar.value);"
      }
    }
    return result
  }
}
