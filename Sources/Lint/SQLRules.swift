import Model

/// What psql would reject or misread, and destruction that is not declared:
/// - the last statement of SQL fed to a client must end with `;`, or psql
///   never runs it;
/// - a line ending in `\` is a psql meta-command, not a continuation;
/// - `DELETE`, `TRUNCATE` or `DROP` (in SQL, or upper-case in a shell
///   command such as `psql -c "TRUNCATE t"`), and a destructive shell command
///   (`DestructiveCommands`: `kubectl delete namespace`, `rm -r`, ...) in its
///   actions or cleanup, belong in a step marked destructive.
enum SQLRules {
  static func check(_ procedure: Procedure) -> [Diagnostic] {
    var found: [Diagnostic] = []
    func report(_ step: Step, _ rule: String, _ message: String) {
      found.append(
        Diagnostic(.error, rule: rule, procedure: procedure.reference, step: step.id, message))
    }
    for (_, step) in procedure.orderedSteps {
      for case .sql(let sql) in step.actions {
        let code = SQLText.code(sql.statements)
        if let last = code.split(separator: "\n").last(where: { !$0.allSatisfy(\.isWhitespace) }),
          !last.trimmingTrailingWhitespace.hasSuffix(";")
        {
          report(
            step, "sql-unterminated",
            "the SQL does not end with `;`, so psql never runs its last statement (\(last.trimmingTrailingWhitespace)); end it with `;`"
          )
        }
        for (number, line) in code.split(separator: "\n", omittingEmptySubsequences: false)
          .enumerated()
        where line.trimmingTrailingWhitespace.hasSuffix("\\") {
          report(
            step, "sql-backslash",
            "SQL line \(number + 1) ends with `\\`, which psql reads as a meta-command; SQL needs no line continuation"
          )
        }
      }
      let destroys = StepDestruction.found(in: step)
      if !destroys.isEmpty && !step.isDestructive {
        let words = destroys.joined(separator: ", ")
        report(
          step, "undeclared-destruction",
          "runs \(words) but is not marked destructive; say what it destroys (destroys:) so the script asks first"
        )
      }
    }
    return found
  }
}

/// SQL text with comments and string literals blanked out, and keyword search.
enum SQLText {
  /// The SQL with `-- comments` removed and the insides of '...' literals
  /// replaced by spaces, line structure kept.
  static func code(_ sql: String) -> String {
    var result = ""
    var inString = false
    var inComment = false
    var previous: Character = " "
    for character in sql {
      if inComment {
        if character == "\n" {
          inComment = false
          result.append(character)
        }
        previous = character
        continue
      }
      if inString {
        if character == "'" {
          inString = false
          result.append(character)
        } else {
          result.append(character == "\n" ? "\n" : " ")
        }
      } else if character == "'" {
        inString = true
        result.append(character)
      } else if character == "-" && previous == "-" {
        result.removeLast()
        inComment = true
      } else {
        result.append(character)
      }
      previous = character
    }
    return result
  }

  static func destructiveKeywords(in text: String, anyCase: Bool) -> [String] {
    let words = text.split { !($0.isLetter || $0 == "_") }.map(String.init)
    return words.enumerated().compactMap { index, word in
      let upper = word.uppercased()
      guard anyCase || word == upper else { return nil }
      switch upper {
      case "TRUNCATE": return "TRUNCATE"
      case "DELETE":
        return index + 1 < words.count && words[index + 1].uppercased() == "FROM" ? "DELETE" : nil
      case "DROP":
        let objects = ["TABLE", "SCHEMA", "DATABASE", "INDEX", "VIEW", "ROLE", "USER", "OWNED"]
        return index + 1 < words.count && objects.contains(words[index + 1].uppercased())
          ? "DROP" : nil
      default: return nil
      }
    }
  }
}

extension Substring {
  var trimmingTrailingWhitespace: String {
    var copy = String(self)
    while copy.last?.isWhitespace == true { copy.removeLast() }
    return copy
  }
}
