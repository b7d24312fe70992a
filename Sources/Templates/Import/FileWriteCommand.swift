import Model

/// A here-document of YAML or JSON into a file, read as a file write:
///
/// ```
/// cat > ${WORK_DIR}/pod.yaml <<EOF
/// kind: Pod
/// EOF
/// ```
///
/// is `FileWrite("${WORK_DIR}/pod.yaml", language: "yaml", content: "kind: Pod\n")`.
/// Only when nothing is lost: `cat` with one `>` (not `>>`), a path ending
/// in `.yaml`, `.yml` or `.json`, a body whose only expansions are
/// `${NAME}` of names `isParameter` accepts (none at all under a quoted
/// delimiter, whose body bash keeps literal), and nothing after the
/// terminator. Anything else stays a shell command.
struct FileWriteCommand {
  var write: FileWrite

  init?(_ command: String, isParameter: (String) -> Bool) {
    var lines = command.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard lines.count >= 2, let first = lines.first,
      let delimiter = SourceCommandLines.hereDocumentDelimiter(in: first),
      lines.last?.trimmed == delimiter
    else { return nil }
    lines.removeFirst()
    lines.removeLast()
    // `cat > PATH <<EOF`, `cat <<EOF > PATH`, `cat >PATH<<'EOF'`.
    var head = first.trimmed
    let quoted = head.contains("'\(delimiter)'") || head.contains("\"\(delimiter)\"")
    for form in [
      "<<'\(delimiter)'", "<<\"\(delimiter)\"", "<< '\(delimiter)'", "<< \"\(delimiter)\"",
      "<<\(delimiter)", "<< \(delimiter)",
    ] {
      head = head.replacing(form, with: " ")
    }
    let words = head.split(separator: " ").map(String.init)
    guard words.first == "cat", !head.contains(">>"), !head.contains("<<-") else { return nil }
    var path: String?
    for (index, word) in words.enumerated().dropFirst() {
      if word == ">" && index + 1 < words.count && path == nil {
        path = words[index + 1]
      } else if word.hasPrefix(">") && word.count > 1 && path == nil {
        path = String(word.dropFirst())
      } else if index > 0 && words[index - 1] == ">" {
        continue
      } else {
        return nil
      }
    }
    guard var path else { return nil }
    if path.count >= 2, path.first == "\"", path.last == "\"" {
      path = String(path.dropFirst().dropLast())
    }
    let language: String
    if path.hasSuffix(".yaml") || path.hasSuffix(".yml") {
      language = "yaml"
    } else if path.hasSuffix(".json") {
      language = "json"
    } else {
      return nil
    }
    let content = lines.joined(separator: "\n") + "\n"
    guard Self.onlyParameters(path, isParameter) else { return nil }
    if quoted {
      guard !content.contains("${") else { return nil }
    } else {
      guard !content.contains("\\"), !content.contains("`"),
        Self.onlyParameters(content, isParameter)
      else { return nil }
    }
    write = FileWrite(path, language: language, content: content)
  }

  /// Every `$` of `text` starts a `${NAME}` of a parameter, and nothing
  /// else in it is shell syntax.
  static func onlyParameters(_ text: String, _ isParameter: (String) -> Bool) -> Bool {
    var rest = Substring(text)
    while let dollar = rest.firstIndex(of: "$") {
      let after = rest[rest.index(after: dollar)...]
      guard after.hasPrefix("{"), let close = after.firstIndex(of: "}") else { return false }
      let name = String(after.dropFirst()[..<close])
      guard isParameter(name) else { return false }
      rest = after[after.index(after: close)...]
    }
    return true
  }
}
