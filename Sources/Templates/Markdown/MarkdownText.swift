extension Markdown {
  /// `text` with every character that must never reach a runbook in its
  /// visible form `\u{XX}` (uppercase hexadecimal, at least two digits):
  /// the C0 controls U+0000–U+001F (so an escape sequence `ESC [31m` shows
  /// as `\u{1B}[31m`, a carriage return as `\u{0D}`), DEL U+007F, the C1
  /// controls U+0080–U+009F, the line and paragraph separators U+2028 and
  /// U+2029, and the bidirectional controls (U+200E, U+200F, U+202A–U+202E,
  /// U+2066–U+2069) that can make text read differently from what it is.
  /// The scalars in `keeping` (a line break, a tab) pass unchanged.
  ///
  /// A text that holds the six characters `\u{1B}` renders the same as one
  /// that holds ESC: the runbook shows, it never executes.
  public static func visible(_ text: String, keeping: Set<Unicode.Scalar> = ["\n", "\t"])
    -> String
  {
    guard text.unicodeScalars.contains(where: { isHidden($0) && !keeping.contains($0) }) else {
      return text
    }
    var result = ""
    for scalar in text.unicodeScalars {
      if isHidden(scalar) && !keeping.contains(scalar) {
        result += visibleForm(scalar)
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069: true
    default: false
    }
  }

  static func visibleForm(_ scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value, radix: 16, uppercase: true)
    return "\\u{" + (hex.count < 2 ? "0" + hex : hex) + "}"
  }

  /// One line of prose (no line break), escaped so that it reads exactly as
  /// written and opens no markdown structure or HTML:
  ///
  /// - always escaped with a backslash: `\` `` ` `` `*` `[` `]` `<` `>` `#` `|` `~`;
  /// - `_` too, unless it stands between two letters or digits
  ///   (`site_config`), where CommonMark never reads it as emphasis;
  /// - `&` becomes `&amp;` before a letter or `#`, where it could start an
  ///   entity (`&lt;`, `&#60;`);
  /// - at the start of a line (`atLineStart`): `-`, `+` and `=` (lists,
  ///   rules, setext underlines) are escaped, and so is the `.` or `)` after
  ///   leading digits (`1\. `, an ordered list);
  /// - hidden characters show in their visible form (`\u{1B}`), and tabs
  ///   stay;
  /// - an `http://` or `https://` address becomes an autolink,
  ///   `<https://example.com>`, so that it is no bare URL.
  ///
  /// `previous` is the character before the line's text, for the `_` rule.
  /// So `<script>alert(1)</script>` becomes `\<script\>alert(1)\</script\>`,
  /// and `# heading` at the start of a line `\# heading`.
  public static func escaped(
    _ line: String, atLineStart: Bool = false, after previous: Unicode.Scalar? = nil
  ) -> String {
    let scalars = Array(line.unicodeScalars)
    var result = String.UnicodeScalarView()
    var index = 0
    if atLineStart {
      if let first = scalars.first, "-+=".unicodeScalars.contains(first) {
        result.append("\\")
        result.append(first)
        index = 1
      } else {
        let digits = scalars.prefix { ("0"..."9").contains($0) }.count
        if digits > 0, digits < scalars.count, scalars[digits] == "." || scalars[digits] == ")" {
          result.append(contentsOf: scalars[0..<digits])
          result.append("\\")
          result.append(scalars[digits])
          index = digits + 1
        }
      }
    }
    while index < scalars.count {
      let scalar = scalars[index]
      let before = index > 0 ? scalars[index - 1] : previous
      let next = index + 1 < scalars.count ? scalars[index + 1] : nil
      if scalar == "h", !isWordCharacter(before), let length = urlLength(scalars, at: index) {
        result.append("<")
        result.append(contentsOf: scalars[index..<(index + length)])
        result.append(">")
        index += length
        continue
      }
      switch scalar {
      case "\\", "`", "*", "[", "]", "<", ">", "#", "|", "~":
        result.append("\\")
        result.append(scalar)
      case "_":
        if !(isWordCharacter(before) && isWordCharacter(next)) { result.append("\\") }
        result.append(scalar)
      case "&":
        if let next, next == "#" || (next.isASCII && next.properties.isAlphabetic) {
          result.append(contentsOf: "&amp;".unicodeScalars)
        } else {
          result.append(scalar)
        }
      case _ where isHidden(scalar) && scalar != "\t":
        result.append("\\")
        result.append(contentsOf: visibleForm(scalar).unicodeScalars)
      default:
        result.append(scalar)
      }
      index += 1
    }
    return String(result)
  }

  /// The length of the `http://` or `https://` address that starts at
  /// `start`, as GitHub would link it: the characters of a URL up to a
  /// space or anything else, less a final `.`, `,`, `:`, `;`, `!`, `?`,
  /// quote or unmatched `)`; nil when none starts there.
  static func urlLength(_ scalars: [Unicode.Scalar], at start: Int) -> Int? {
    let text = String(String.UnicodeScalarView(scalars[start..<min(scalars.count, start + 8)]))
    guard let scheme = ["https://", "http://"].first(where: text.hasPrefix) else { return nil }
    let allowed = "-._~:/?#[]@!$&'()*+,;=%".unicodeScalars
    var end = start + scheme.count
    while end < scalars.count,
      scalars[end].isASCII
        && (scalars[end].properties.isAlphabetic || ("0"..."9").contains(scalars[end])
          || allowed.contains(scalars[end]))
    {
      end += 1
    }
    while end > start + scheme.count {
      let last = scalars[end - 1]
      let opened = scalars[start..<end].filter { $0 == "(" }.count
      let closed = scalars[start..<end].filter { $0 == ")" }.count
      if ".,:;!?'\"".unicodeScalars.contains(last) || (last == ")" && closed > opened) {
        end -= 1
      } else {
        break
      }
    }
    return end > start + scheme.count ? end - start : nil
  }

  private static func isWordCharacter(_ scalar: Unicode.Scalar?) -> Bool {
    guard let scalar else { return false }
    return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
  }
}
