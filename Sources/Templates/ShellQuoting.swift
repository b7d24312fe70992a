import Model

/// Every rule for putting text into bash, in one place.
public enum ShellQuoting {
  /// A single bash word that stands for `text` exactly.
  ///
  /// `it's` becomes `'it'\''s'`; text with `$` or a backtick becomes double
  /// quoted with those escaped (`"costs \$5"`), so no reader (nor shellcheck)
  /// takes it for an expansion; text with control characters (a newline)
  /// becomes ANSI-C quoted: `$'a\nb'`; the empty string becomes `''`.
  public static func quoted(_ text: String) -> String {
    let hasControl = text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    if !hasControl && (text.contains("$") || text.contains("`")) {
      return doubleQuoted(Template.literal(text))
    }
    guard hasControl else {
      return "'" + text.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
    var result = "$'"
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\n": result += #"\n"#
      case "\t": result += #"\t"#
      case "\r": result += #"\r"#
      case "\\": result += #"\\"#
      case "'": result += #"\'"#
      case _ where scalar.value < 0x20 || scalar.value == 0x7F:
        let hex = String(scalar.value, radix: 16)
        result += #"\x"# + (hex.count == 1 ? "0" + hex : hex)
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "'"
  }

  /// The body of an unquoted here-document that writes `template` with its
  /// `${NAME}` references expanded and everything else literal: `\`, `$` and
  /// `` ` `` are escaped. `replacement` may substitute a reference (a secret
  /// shown as `***`) or return nil to keep it as an expansion.
  public static func heredocBody(
    _ template: Template, expanding shouldExpand: (String) -> Bool,
    replacement: (String) -> String? = { _ in nil }
  ) -> String {
    var body = ""
    for segment in template.segments {
      switch segment {
      case .literal(let text):
        body += escapedForHeredoc(text)
      case .reference(let name):
        if let replaced = replacement(name) {
          body += escapedForHeredoc(replaced)
        } else if shouldExpand(name) {
          body += "${\(name)}"
        } else {
          body += escapedForHeredoc("${\(name)}")
        }
      }
    }
    return body
  }

  /// `a"$b` inside double quotes: `a\"\$b`. References of `template` are kept
  /// as expansions.
  public static func doubleQuoted(_ template: Template) -> String {
    var inner = ""
    for segment in template.segments {
      switch segment {
      case .literal(let text):
        for character in text {
          if "\\\"$`".contains(character) { inner += "\\" }
          inner.append(character)
        }
      case .reference(let name):
        inner += "${\(name)}"
      }
    }
    return "\"" + inner + "\""
  }

  static func escapedForHeredoc(_ text: String) -> String {
    var escaped = ""
    for character in text {
      if character == "\\" || character == "$" || character == "`" { escaped += "\\" }
      escaped.append(character)
    }
    return escaped
  }

  /// A here-document delimiter that no line of `body` equals: `base`, or
  /// `base_1`, `base_2`, ...
  static func delimiter(_ base: String, avoiding body: String) -> String {
    let lines = Set(body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    var candidate = base
    var counter = 0
    while lines.contains(candidate) {
      counter += 1
      candidate = "\(base)_\(counter)"
    }
    return candidate
  }

  /// `save-site-config` as part of a bash function name: `save_site_config`.
  static func identifier(_ id: String) -> String {
    String(id.map { $0.isLetter || $0.isNumber ? $0 : "_" })
  }
}
