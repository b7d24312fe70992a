import Model

/// Titles and ids of a draft, made from the runbook's words.
enum ImportNaming {
  /// Markdown inline markup removed: `` `x` `` and `**x**` give `x`,
  /// `[text](url)` gives `text`, HTML tags (`<p style=...>`) and a list
  /// marker (`- `, `2. `) are dropped.
  static func plain(_ text: String) -> String {
    var text = text.trimmed
    for marker in ["- ", "* ", "+ "] where text.hasPrefix(marker) {
      text = text.dropFirst(2).trimmed
    }
    let digits = text.prefix { $0.isNumber }
    if !digits.isEmpty, text.dropFirst(digits.count).hasPrefix(". ") {
      text = text.dropFirst(digits.count + 2).trimmed
    }
    var out = ""
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      if character == "[", let close = text[index...].firstIndex(of: "]"),
        text.index(after: close) < text.endIndex, text[text.index(after: close)] == "(",
        let end = text[close...].firstIndex(of: ")")
      {
        out += text[text.index(after: index)..<close]
        index = text.index(after: end)
        continue
      }
      if character == "<", let close = text[index...].firstIndex(of: ">"),
        text[text.index(after: index)..<close].first.map({ $0.isLetter || $0 == "/" }) == true
      {
        index = text.index(after: close)
        continue
      }
      if character != "`" && character != "*" { out.append(character) }
      index = text.index(after: index)
    }
    return out.trimmed
  }

  /// The first sentence of `explanation` without markup, cut at a word to
  /// at most 60 characters; `fallback` when there is none.
  static func stepTitle(explanation: String, fallback: String) -> String {
    let first = plain(explanation.split(separator: "\n").first.map(String.init) ?? "")
    var sentence = first
    for end in [". ", ": ", "; ", "? "] {
      if let range = sentence.range(of: end) { sentence = String(sentence[..<range.lowerBound]) }
    }
    while let last = sentence.last, ".:;,".contains(last) { sentence.removeLast() }
    if sentence.count > 60 {
      var cut = ""
      for word in sentence.split(separator: " ") {
        if cut.count + word.count + 1 > 57 { break }
        cut += (cut.isEmpty ? "" : " ") + word
      }
      sentence = cut.isEmpty ? String(sentence.prefix(57)) : cut + "..."
    }
    sentence = sentence.trimmed
    guard !sentence.isEmpty else { return fallback }
    return sentence.prefix(1).uppercased() + sentence.dropFirst()
  }

  /// Lowercase ASCII words joined by `-`, at most `words` of them:
  /// `Save the site_config table` gives `save-the-site-config-table`.
  static func kebab(_ text: String, words: Int = 6) -> String {
    var parts: [String] = []
    var word = ""
    for character in text.lowercased() {
      if character.isASCII && (character.isLetter || character.isNumber) {
        word.append(character)
      } else if !word.isEmpty {
        parts.append(word)
        word = ""
      }
    }
    if !word.isEmpty { parts.append(word) }
    return parts.prefix(words).joined(separator: "-")
  }

  /// Ids that are kebab-case, not only digits, and used once: a repeated
  /// one gets `-2`, `-3`.
  struct UniqueIDs {
    var used: Set<String> = []

    mutating func make(from text: String, fallback: String) -> String {
      var base = kebab(text)
      if base.isEmpty { base = fallback }
      if base.allSatisfy(\.isNumber) || base.first?.isNumber == true && base.count < 3 {
        base = fallback + "-" + base
      }
      var id = base
      var number = 2
      while used.contains(id) {
        id = "\(base)-\(number)"
        number += 1
      }
      used.insert(id)
      return id
    }
  }

  /// The procedure id: the title's first words, else the file's name.
  static func procedureID(title: String, file: String) -> String {
    let fromTitle = kebab(title, words: 4)
    if Procedure.isKebabCase(fromTitle) { return fromTitle }
    let fromFile = kebab(ImportNaming.title(fromFile: file), words: 4)
    return Procedure.isKebabCase(fromFile) ? fromFile : "imported"
  }

  /// `runbooks/RUNBOOK.md` gives `RUNBOOK`.
  static func title(fromFile file: String) -> String {
    let base = file.split(separator: "/").last.map(String.init) ?? file
    let stem = base.split(separator: ".").first.map(String.init) ?? base
    return stem.isEmpty ? "Imported procedure" : stem
  }

  /// A table of contents: every line a list item that links to `#anchor`.
  static func isLinkList(_ text: String) -> Bool {
    let items = text.split(separator: " - ", omittingEmptySubsequences: true)
    return text.hasPrefix("- [") && text.contains("](#")
      && items.allSatisfy { $0.contains("](#") }
  }
}
