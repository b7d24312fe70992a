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
    let hasControl = hasControl(text)
    if !hasControl && (text.contains("$") || text.contains("`") || text.contains("\\")) {
      return interpolated([.text(text)])
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
      case _ where isControl(scalar):
        result += #"\u00"# + String(scalar.value, radix: 16)
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "'"
  }

  /// `a"$b` inside double quotes: `a\"\$b`. References of `template` are kept
  /// as expansions.
  public static func doubleQuoted(_ template: Template) -> String {
    BashRenderer.spell(.template(template))
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
    // Split on the scalar: as Characters, "\r\n" is one and would hide a line.
    // Lines are compared without their surrounding blanks, so no line even
    // looks like the terminator to a reader (or to shellcheck, SC1039).
    let lines = Set(
      body.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map {
        String(String.UnicodeScalarView($0)).trimmingBlanks
      })
    var candidate = base
    var counter = 0
    while lines.contains(candidate) {
      counter += 1
      candidate = "\(base)_\(counter)"
    }
    return candidate
  }

  /// Double-quoted text with variables expanded: `"must be \\$5, not ${NAME}"`.
  /// Text holding control characters is spelt ANSI-C quoted beside the
  /// double-quoted parts (`"a"$'\n'"${B}"`), so no line break or escape
  /// sequence reaches the script as is. A variable name that is not an
  /// identifier is shown as text, never expanded.
  static func interpolated(_ parts: [InterpolatedPart]) -> String {
    var spelt = ""
    var open = false
    func openQuote() {
      if !open { spelt += "\"" }
      open = true
    }
    func closeQuote() {
      if open { spelt += "\"" }
      open = false
    }
    for part in parts {
      switch part {
      case .variable(let name) where isIdentifier(name):
        openQuote()
        spelt += "${\(name)}"
      case .variable(let name):
        openQuote()
        spelt += escapedInDoubleQuotes("${\(name)}")
      case .expansion(let expansion):
        openQuote()
        spelt += expansion
      case .text(let text) where hasControl(text):
        closeQuote()
        spelt += quoted(text)
      case .text(let text):
        openQuote()
        spelt += escapedInDoubleQuotes(text)
      }
    }
    if spelt.isEmpty { return "\"\"" }
    closeQuote()
    return spelt
  }

  static func escapedInDoubleQuotes(_ text: String) -> String {
    var inner = ""
    for character in text {
      if "\\\"$`".contains(character) { inner += "\\" }
      inner.append(character)
    }
    return inner
  }

  /// One line of a `#` comment: control characters (including a carriage
  /// return or an escape sequence) shown as `\xNN`, trailing spaces dropped.
  static func commentText(_ text: String) -> String {
    var shown = ""
    for scalar in text.unicodeScalars {
      if isControl(scalar) {
        let hex = String(scalar.value, radix: 16)
        shown += #"\x"# + (hex.count == 1 ? "0" + hex : hex)
      } else {
        shown.unicodeScalars.append(scalar)
      }
    }
    while shown.last == " " { shown.removeLast() }
    return shown
  }

  /// Text bash reads as itself when unquoted: `[A-Za-z0-9_./:@%+,=-]+`.
  static func isBare(_ text: String) -> Bool {
    !text.isEmpty
      && text.unicodeScalars.allSatisfy {
        $0.isASCII
          && ($0.properties.isAlphabetic || ("0"..."9").contains($0)
            || "_./:@%+,=-".unicodeScalars.contains($0))
      }
  }

  /// A bash variable name: `[A-Za-z_][A-Za-z0-9_]*`.
  static func isIdentifier(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first, first.isASCII,
      first == "_" || first.properties.isAlphabetic
    else { return false }
    return name.unicodeScalars.allSatisfy {
      $0.isASCII && ($0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0))
    }
  }

  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
  }

  static func hasControl(_ text: String) -> Bool { text.unicodeScalars.contains(where: isControl) }
}

extension String {
  /// Without leading and trailing spaces and tabs.
  var trimmingBlanks: String {
    var scalars = Substring(self).unicodeScalars
    while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
    while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
    return String(String.UnicodeScalarView(scalars))
  }
}
