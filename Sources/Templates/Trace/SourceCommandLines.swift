/// Every command line of a source document, in order: pure text in, values
/// out, no I/O.
///
/// Code comes from the blocks `SourceFormat` names. Within a block, blank
/// lines and comments (`#` lines; `--` lines in SQL) are skipped; a `$ `
/// prompt is stripped, and in a block that has prompts the lines without one
/// are the commands' output and skipped; a line ending in `\` continues on
/// the next; a here-document (`<<EOF`) takes its body and terminator into
/// its command line; in a SQL block a statement runs to its `;`.
public enum SourceCommandLines {
  public static func extract(from text: String, format: SourceFormat? = nil) -> [SourceCommandLine]
  {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
    }
    let blocks =
      switch format ?? SourceFormat.detect(text) {
      case .markdown: MarkdownCode.blocks(in: lines)
      case .restructuredText: RestructuredTextCode.blocks(in: lines)
      }
    return blocks.flatMap(commands)
  }

  /// The command lines of one block.
  static func commands(in block: SourceCodeBlock) -> [SourceCommandLine] {
    if block.language == "inline" {
      return block.lines.map { SourceCommandLine(line: $0.number, text: $0.text, origin: "inline") }
    }
    let isSQL = block.language.lowercased() == "sql"
    let prompted = block.lines.contains { isPrompted($0.text.trimmed) }
    var result: [SourceCommandLine] = []
    var index = 0
    let lines = block.lines
    while index < lines.count {
      let (number, raw) = lines[index]
      index += 1
      var text = raw.trimmed
      if text.isEmpty || text.hasPrefix(isSQL ? "--" : "#") { continue }
      if prompted {
        guard isPrompted(text) else { continue }
        text = String(text.dropFirst(text == "$" ? 1 : 2)).trimmed
        if text.isEmpty { continue }
      }
      func continues(_ text: String) -> Bool {
        isSQL ? !text.hasSuffix(";") : endsWithContinuation(text)
      }
      while continues(text), index < lines.count {
        let next = lines[index].text.trimmed
        if !isSQL && next.isEmpty { break }
        index += 1
        if isSQL && (next.isEmpty || next.hasPrefix("--")) { continue }
        if endsWithContinuation(text) { text.removeLast() }
        text = text.trimmed + " " + next
      }
      if !isSQL && endsWithContinuation(text) { text = String(text.dropLast()).trimmed }
      if !isSQL, let delimiter = hereDocumentDelimiter(in: text) {
        while index < lines.count {
          let body = lines[index].text
          index += 1
          text += "\n" + body
          if body.trimmed == delimiter { break }
        }
      }
      result.append(SourceCommandLine(line: number, text: text, origin: block.language))
    }
    return result
  }

  static func isPrompted(_ text: String) -> Bool { text == "$" || text.hasPrefix("$ ") }

  /// Ends in an odd number of backslashes: the last one escapes the line break.
  static func endsWithContinuation(_ text: String) -> Bool {
    text.reversed().prefix { $0 == "\\" }.count % 2 == 1
  }

  /// `EOF` for `cat >file <<EOF`, `<<-EOF`, `<< 'EOF'` or `<<"EOF"`; nil
  /// without a here-document (a here-string `<<<` is none).
  static func hereDocumentDelimiter(in text: String) -> String? {
    var rest = Substring(text)
    while let range = rest.range(of: "<<") {
      var after = rest[range.upperBound...]
      if after.hasPrefix("<") {
        rest = after.drop { $0 == "<" }
        continue
      }
      if after.hasPrefix("-") { after = after.dropFirst() }
      after = after.drop { $0 == " " }
      let quote = after.first.flatMap { $0 == "'" || $0 == "\"" ? $0 : nil }
      if quote != nil { after = after.dropFirst() }
      let word = after.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
      if !word.isEmpty { return String(word) }
      rest = after
    }
    return nil
  }

  /// The code of a line that is one code span and nothing else: `` `ls -l` ``
  /// (markdown, `ticks` 1 or more) or ``` ``ls -l`` ``` (reStructuredText).
  static func codeSpanAlone(_ line: String, exactTicks: Int? = nil) -> String? {
    let text = line.trimmed
    let ticks = text.prefix { $0 == "`" }.count
    guard ticks > 0, exactTicks == nil || ticks == exactTicks, text.count > 2 * ticks,
      text.hasSuffix(String(repeating: "`", count: ticks)),
      !text.dropLast(ticks).hasSuffix("`")
    else { return nil }
    let inner = text.dropFirst(ticks).dropLast(ticks)
    guard !inner.contains(String(repeating: "`", count: ticks)) || ticks > 1 else { return nil }
    if exactTicks == nil && inner.contains("`") && ticks == 1 { return nil }
    let code = inner.trimmed
    return code.isEmpty ? nil : code
  }
}
