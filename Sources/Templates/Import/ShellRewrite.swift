import Model

/// The two edits the importer makes to a runbook's shell text, both outside
/// single quotes (where bash expands nothing):
///
/// - a placeholder `<cluster ip>` or `{{ config.pach_latest_version }}`
///   becomes `${CLUSTER_IP}`, `${PACH_LATEST_VERSION}` (a parameter);
/// - a variable renamed to a valid parameter name: `$site_config` and
///   `${site_config}` become `${SITE_CONFIG}`.
enum ShellRewrite {
  struct Placeholder: Equatable {
    var name: String
    var original: String
  }

  /// The command with its placeholders replaced (a here-document's body is
  /// left as it is), and the placeholders in order.
  static func placeholders(inCommand command: String) -> (text: String, found: [Placeholder]) {
    let lines = command.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.count > 1, SourceCommandLines.hereDocumentDelimiter(in: lines[0]) != nil {
      let (first, found) = placeholders(inCommand: lines[0])
      return (([first] + lines.dropFirst()).joined(separator: "\n"), found)
    }
    var found: [Placeholder] = []
    var out = ""
    var characters = Array(command)
    var index = 0
    var single = false
    characters.append("\0")
    while index < characters.count - 1 {
      let character = characters[index]
      if character == "'" { single.toggle() }
      if !single, character == "{", characters[index + 1] == "{",
        let close = find("}}", in: characters, from: index + 2)
      {
        let inner = String(characters[(index + 2)..<close]).trimmed
        let name = parameterName(inner.split(separator: ".").last.map(String.init) ?? inner)
        if !name.isEmpty {
          found.append(Placeholder(name: name, original: String(characters[index..<(close + 2)])))
          out += "${\(name)}"
          index = close + 2
          continue
        }
      }
      if !single, character == "<", index == 0 || characters[index - 1] != "<",
        characters[index + 1].isLetter, let close = characters[index...].firstIndex(of: ">"),
        characters[(index + 1)..<close].allSatisfy({
          $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == " "
        }),
        characters[close - 1] != " "
      {
        let inner = String(characters[(index + 1)..<close])
        let name = parameterName(inner)
        found.append(Placeholder(name: name, original: "<\(inner)>"))
        out += "${\(name)}"
        index = close + 1
        continue
      }
      out.append(character)
      index += 1
    }
    return (out, found)
  }

  static func find(_ pattern: String, in characters: [Character], from start: Int) -> Int? {
    let wanted = Array(pattern)
    var index = start
    while index + wanted.count <= characters.count {
      if Array(characters[index..<(index + wanted.count)]) == wanted { return index }
      index += 1
    }
    return nil
  }

  /// `cluster ip` gives `CLUSTER_IP`, `pipeline-name` `PIPELINE_NAME`.
  static func parameterName(_ text: String) -> String {
    var name = ""
    for character in text.uppercased() {
      if character.isASCII && (character.isLetter || character.isNumber) {
        name.append(character)
      } else if !name.isEmpty && name.last != "_" {
        name.append("_")
      }
    }
    while name.hasSuffix("_") { name.removeLast() }
    if let first = name.first, first.isNumber { name = "N_" + name }
    return name
  }

  /// `text` with every expansion of `$old` written as `${new}`.
  static func renaming(_ old: String, to new: String, in text: String) -> String {
    var characters = Array(text)
    characters.append("\0")
    var out = ""
    var index = 0
    var single = false
    var double = false
    func isName(_ character: Character) -> Bool {
      character.isASCII && (character.isLetter || character.isNumber || character == "_")
    }
    let wanted = Array(old)
    while index < characters.count - 1 {
      let character = characters[index]
      if character == "\\" && !single {
        out.append(character)
        out.append(characters[index + 1])
        index += 2
        continue
      }
      if character == "'" && !double { single.toggle() }
      if character == "\"" && !single { double.toggle() }
      if character == "$" && !single {
        let braced = characters[index + 1] == "{"
        let start = index + (braced ? 2 : 1)
        let end = start + wanted.count
        if end < characters.count, Array(characters[start..<end]) == wanted,
          !isName(characters[end])
        {
          out += braced ? "${\(new)" : "${\(new)}"
          index = end
          continue
        }
      }
      out.append(character)
      index += 1
    }
    return out
  }
}
