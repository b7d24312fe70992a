/// Every markdown escaping rule, in one place.
public enum Markdown {
  /// An inline code span that shows `text` exactly: `` `a` ``, or with a
  /// longer fence when the text holds backticks: ``` `` a`b `` ```.
  public static func code(_ text: String) -> String {
    let longest = longestRun(of: "`", in: text)
    let fence = String(repeating: "`", count: longest + 1)
    let pad = text.hasPrefix("`") || text.hasSuffix("`") || longest > 0 ? " " : ""
    return fence + pad + text.replacingOccurrences(of: "\n", with: " ") + pad + fence
  }

  /// A fenced code block tagged with `language`; the fence is longer than
  /// any run of backticks in the text.
  public static func codeBlock(_ text: String, language: String) -> String {
    let fence = String(repeating: "`", count: max(3, longestRun(of: "`", in: text) + 1))
    return "\(fence)\(language)\n\(text)\n\(fence)"
  }

  /// Text for a table cell: pipes escaped, line breaks as spaces.
  public static func tableCell(_ text: String) -> String {
    text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
  }

  /// The anchor GitHub gives a heading: lowercase, punctuation dropped,
  /// spaces as hyphens. `Step 3. Save site_config` becomes `step-3-save-site_config`.
  public static func anchor(_ heading: String) -> String {
    var slug = ""
    for character in heading.lowercased() {
      if character.isLetter || character.isNumber || character == "-" || character == "_" {
        slug.append(character)
      } else if character == " " {
        slug.append("-")
      }
    }
    return slug
  }

  static func longestRun(of character: Character, in text: String) -> Int {
    var longest = 0
    var current = 0
    for next in text {
      current = next == character ? current + 1 : 0
      longest = max(longest, current)
    }
    return longest
  }
}
