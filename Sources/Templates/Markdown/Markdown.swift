/// Every markdown escaping rule, in one place. `MarkdownRenderer` is their
/// one caller; each rule is unit-tested with hostile text.
public enum Markdown {
  /// An inline code span that shows `text` exactly, on one line: `` `a` ``,
  /// or with a longer fence and padding when the text holds backticks:
  /// ``` `` a`b `` ```. A line break becomes a space, hidden characters their
  /// visible form (see `visible(_:keeping:)`), and text that starts and ends
  /// with a space is padded so that CommonMark's stripping keeps both.
  public static func code(_ text: String) -> String {
    let shown = visible(oneLine(text), keeping: ["\t"])
    guard !shown.isEmpty else { return "` `" }
    let scalars = shown.unicodeScalars
    let longest = longestRun(of: "`", in: shown)
    let fence = String(repeating: "`", count: longest + 1)
    let spacedAtBothEnds =
      scalars.first == " " && scalars.last == " " && scalars.contains { $0 != " " }
    let pad = longest > 0 || spacedAtBothEnds ? " " : ""
    return fence + pad + shown + pad + fence
  }

  /// `code(text)` cut at the spaces where a wrapped line may break inside
  /// it: `["`kubectl", "get", "pods`"]` for `kubectl get pods`. Joined by
  /// single spaces, the pieces are `code(text)`. A break stands only at a
  /// single space inside the text (not at its ends) before a piece that
  /// opens no block at the start of a line (see `isSafeLineStart`).
  public static func codeWords(_ text: String) -> [String] {
    let span = code(text)
    let fence = span.unicodeScalars.prefix { $0 == "`" }.count
    let scalars = Array(span.unicodeScalars)
    guard scalars.count > 2 * fence + 2 else { return [span] }
    let inside = (fence + 1)..<(scalars.count - fence - 1)
    let spaces = inside.filter {
      scalars[$0] == " " && scalars[$0 - 1] != " " && $0 + 1 < inside.upperBound
        && scalars[$0 + 1] != " "
    }
    var pieces: [String] = []
    var start = 0
    for (index, space) in spaces.enumerated() {
      let end = index + 1 < spaces.count ? spaces[index + 1] : scalars.count
      guard isSafeLineStart(scalars[(space + 1)..<end]) else { continue }
      pieces.append(String(String.UnicodeScalarView(scalars[start..<space])))
      start = space + 1
    }
    pieces.append(String(String.UnicodeScalarView(scalars[start...])))
    return pieces
  }

  /// Whether a line may start with `piece` (a word of code) and stay the
  /// continuation of a paragraph: it starts with a letter or one of
  /// `$"'/({`, with digits not followed by `.` or `)` (an ordered list),
  /// or with `-` followed by a letter, digit or `-` and holding a letter or
  /// digit (`--profile`; never `- `, `---` or a setext line).
  static func isSafeLineStart(_ piece: ArraySlice<Unicode.Scalar>) -> Bool {
    guard let first = piece.first else { return false }
    func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
      scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
    }
    if first.isASCII && first.properties.isAlphabetic { return true }
    if "$\"'/({".unicodeScalars.contains(first) { return true }
    if ("0"..."9").contains(first) {
      let after = piece.drop { ("0"..."9").contains($0) }.first
      return after != "." && after != ")"
    }
    if first == "-", piece.count >= 2 {
      let second = piece[piece.startIndex + 1]
      return (isAlphanumeric(second) || second == "-") && piece.contains(where: isAlphanumeric)
    }
    return false
  }

  /// A fenced code block tagged with `language`: ```` ```bash ````, the text,
  /// ```` ``` ````. The fence is longer than any run of backticks in the text,
  /// so no line of it (```` ``` ```` included) can close the block; hidden
  /// characters other than tabs show in their visible form; the language
  /// keeps only letters, digits and `+-._#`.
  public static func codeBlock(_ text: String, language: String) -> String {
    let shown = visible(text, keeping: ["\n", "\t"])
    let fence = String(repeating: "`", count: max(3, longestRun(of: "`", in: shown) + 1))
    let info = String(
      language.unicodeScalars.filter {
        $0.isASCII
          && ($0.properties.isAlphabetic || ("0"..."9").contains($0)
            || "+-._#".unicodeScalars.contains($0))
      }.map(Character.init))
    return "\(fence)\(info)\n\(shown)\n\(fence)"
  }

  /// Rendered markdown made safe for a table cell: line breaks as spaces and
  /// every pipe escaped (behind an odd number of backslashes, so that a
  /// backslash of the text cannot cancel the escape), even inside code.
  public static func tableCell(_ markdown: String) -> String {
    var result = String.UnicodeScalarView()
    var backslashes = 0
    for scalar in oneLine(markdown).unicodeScalars {
      if scalar == "|" && backslashes % 2 == 0 { result.append("\\") }
      backslashes = scalar == "\\" ? backslashes + 1 : 0
      result.append(scalar)
    }
    return String(result)
  }

  /// The anchor GitHub gives a heading: lowercase, punctuation dropped,
  /// spaces as hyphens. `Step 3. Save site_config` becomes `step-3-save-site_config`.
  /// `RunbookDocument` adds the `-1`, `-2` suffixes of repeated headings.
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

  /// A link's destination, or nil when it must not be a link: a relative
  /// path or `#anchor`, or an `http`, `https` or `mailto` address (so never
  /// `javascript:`). Characters outside a small safe set (spaces, brackets,
  /// parentheses, `<`, `>`, backslashes, quotes, non-ASCII) are
  /// percent-encoded, so the destination cannot end early.
  public static func linkDestination(_ target: String) -> String? {
    let scalars = target.unicodeScalars
    if let colon = scalars.firstIndex(of: ":"),
      !scalars[..<colon].contains(where: { "/?#".unicodeScalars.contains($0) })
    {
      let scheme = String(scalars[..<colon]).lowercased()
      guard ["http", "https", "mailto"].contains(scheme) else { return nil }
    }
    let safe = "-._~/#?=&%:+,@!$*;".unicodeScalars
    var result = ""
    for scalar in scalars {
      if scalar.isASCII
        && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || safe.contains(scalar))
      {
        result.unicodeScalars.append(scalar)
      } else {
        for byte in String(scalar).utf8 {
          let hex = String(byte, radix: 16, uppercase: true)
          result += "%" + (hex.count < 2 ? "0" + hex : hex)
        }
      }
    }
    return result
  }

  /// The text of an HTML comment, `<!-- text -->`, on one line: hidden
  /// characters visible, and every `--` broken up as `- -`, so that no text
  /// can close the comment (`-->`) and let HTML through.
  public static func commentText(_ text: String) -> String {
    var result = visible(oneLine(text), keeping: ["\t"])
    while result.contains("--") { result = result.replacingOccurrences(of: "--", with: "- -") }
    return result
  }

  /// `text` on one line: each line break (`\n`) becomes a space.
  static func oneLine(_ text: String) -> String {
    guard text.unicodeScalars.contains("\n") else { return text }
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars { scalars.append(scalar == "\n" ? " " : scalar) }
    return String(scalars)
  }

  /// The longest run of `character` in `text`, counted in Unicode scalars
  /// as CommonMark counts them (a combining mark does not hide a backtick).
  static func longestRun(of character: Unicode.Scalar, in text: String) -> Int {
    var longest = 0
    var current = 0
    for next in text.unicodeScalars {
      current = next == character ? current + 1 : 0
      longest = max(longest, current)
    }
    return longest
  }
}
