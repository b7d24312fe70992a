import Model

/// psql variables nothing sets: `:name`, `:'name'` or `:"name"` in SQL fed to
/// psql (a sql action's statements, or the text of `psql -c`) that no
/// `-v name=`, `--set name=` or `--variable name=` on that call sets (nor a
/// `\set name` or `\getenv name ENV` before it, nor psql itself, like
/// `:DBNAME`). psql sends such a
/// reference as written and the server rejects the `:`. Text given to
/// `psql -c` is never interpolated (psql's manual: the command must be
/// "completely parsable by the server"), so a variable there is a finding
/// even when set. `::type` casts, `:=` and anything inside literals,
/// quoted identifiers or comments are not variables.
enum PsqlVariableRules {
  static func check(_ procedure: Procedure) -> [Diagnostic] {
    var found: [Diagnostic] = []
    func report(_ step: Step, _ message: String) {
      found.append(
        Diagnostic(
          .error, rule: "psql-variable", procedure: procedure.reference, step: step.id, message))
    }
    for (_, step) in procedure.orderedSteps {
      for action in step.actions {
        if case .sql(let sql) = action {
          let calls = psqlCalls(in: sql.client)
          guard !calls.isEmpty else { continue }
          let set = Set(calls.flatMap(\.sets)).union(metaSets(in: sql.statements))
          for name in references(in: sql.statements) where !set.contains(name) {
            report(
              step,
              "the SQL uses psql variable :\(name), which no -v \(name)=... on its client (\(sql.client.firstLine)) sets; set it with -v \(name)=\"${...}\" or remove the reference"
            )
          }
        }
        let texts = action.isSQL ? [] : action.shellTexts
        for text in texts + (step.cleanup.map { [$0.command] } ?? []) {
          for call in psqlCalls(in: text) {
            for command in call.commands {
              for name in references(in: command) {
                if call.sets.contains(name) {
                  report(
                    step,
                    "psql -c text uses variable :\(name), but psql never substitutes variables in -c; feed the SQL on standard input (a sql action) or with -f"
                  )
                } else {
                  report(
                    step,
                    "psql -c text uses variable :\(name), which no -v \(name)=... sets (and psql never substitutes variables in -c); feed the SQL on standard input with -v \(name)=..."
                  )
                }
              }
            }
          }
        }
      }
    }
    return found
  }

  /// One call of psql: the variables its options set and its `-c` texts.
  struct Call {
    var sets: [String] = []
    var commands: [String] = []
  }

  /// Every psql call in shell text, also one run through another program
  /// (`kubectl exec db-0 -- psql -v x=1`).
  static func psqlCalls(in text: String) -> [Call] {
    var calls: [Call] = []
    for invocation in ShellText(text).invocations {
      let words = [invocation.program] + invocation.arguments.map(ShellText.unquoted)
      for (start, word) in words.enumerated()
      where word == "psql" || word.hasSuffix("/psql") {
        var call = Call()
        var rest = words[(start + 1)...].makeIterator()
        while let word = rest.next() {
          if word == "psql" || word.hasSuffix("/psql") { break }
          if ["-v", "--set", "--variable"].contains(word) {
            if let value = rest.next() { call.sets.append(name(of: value)) }
          } else if let option = ["--set=", "--variable=", "-v"].first(where: word.hasPrefix) {
            call.sets.append(name(of: String(word.dropFirst(option.count))))
          } else if ["-c", "--command"].contains(word) {
            if let value = rest.next() { call.commands.append(value) }
          } else if word.hasPrefix("--command=") {
            call.commands.append(String(word.dropFirst("--command=".count)))
          }
        }
        calls.append(call)
      }
    }
    return calls
  }

  private static func name(of assignment: String) -> String {
    String(assignment.prefix { $0 != "=" })
  }

  /// Variables psql sets itself.
  static let builtIn: Set<String> = [
    "AUTOCOMMIT", "DBNAME", "ENCODING", "HOST", "PORT", "USER", "VERSION", "VERSION_NAME",
    "VERSION_NUM", "ON_ERROR_STOP", "ERROR", "SQLSTATE", "ROW_COUNT", "LAST_ERROR_MESSAGE",
    "LAST_ERROR_SQLSTATE", "SERVER_VERSION_NAME", "SERVER_VERSION_NUM", "PROMPT1", "PROMPT2",
    "PROMPT3", "ECHO", "QUIET", "VERBOSITY", "SHOW_CONTEXT", "HISTSIZE", "HISTFILE",
  ]

  /// The names `\set name ...` and `\getenv name ENV` (psql 15: the value
  /// of an environment variable, so a secret stays off the command line)
  /// lines set, and psql's own.
  static func metaSets(in sql: String) -> Set<String> {
    var names = builtIn
    for line in sql.split(separator: "\n") {
      let words = line.split(separator: " ")
      if words.count >= 2, ["\\set", "\\getenv"].contains(words[0]) {
        names.insert(String(words[1]))
      }
    }
    return names
  }

  /// The variables the SQL refers to, in order of first appearance, outside
  /// literals, quoted identifiers, dollar quotes and comments.
  static func references(in sql: String) -> [String] {
    let text = Array(sql)
    var names: [String] = []
    func isNameCharacter(_ character: Character) -> Bool {
      character.isLetter || character.isNumber || character == "_"
    }
    var index = 0
    while index < text.count {
      let character = text[index]
      let next: Character? = index + 1 < text.count ? text[index + 1] : nil
      switch character {
      case "-" where next == "-":
        while index < text.count, text[index] != "\n" { index += 1 }
      case "'", "\"":
        index += 1
        while index < text.count, text[index] != character { index += 1 }
        index += 1
      case "$":
        // A dollar quote, `$$...$$` or `$tag$...$tag$`, is a literal.
        var end = index + 1
        while end < text.count, isNameCharacter(text[end]), !text[end].isNumber || end > index + 1 {
          end += 1
        }
        guard end < text.count, text[end] == "$" else {
          index += 1
          continue
        }
        let tag = Array(text[index...end])
        var close = end + 1
        while close + tag.count <= text.count, Array(text[close..<(close + tag.count)]) != tag {
          close += 1
        }
        index = close + tag.count
      case ":" where next == ":" || next == "=":
        index += 2
      case ":" where next == "'" || next == "\"":
        let quote = next!
        var end = index + 2
        while end < text.count, text[end] != quote { end += 1 }
        let name = String(text[(index + 2)..<min(end, text.count)])
        if !name.isEmpty, name.allSatisfy(isNameCharacter), !names.contains(name) {
          names.append(name)
        }
        index = end + 1
      case ":"
      where next.map { $0.isLetter || $0 == "_" } == true
        && !(index > 0 && isNameCharacter(text[index - 1]) && text[index - 1].isNumber):
        var end = index + 1
        while end < text.count, isNameCharacter(text[end]) { end += 1 }
        let name = String(text[(index + 1)..<end])
        if !names.contains(name) { names.append(name) }
        index = end
      default:
        index += 1
      }
    }
    return names
  }
}

extension Action {
  fileprivate var isSQL: Bool {
    if case .sql = self { return true }
    return false
  }
}
