import Model

/// A secret passed to a program as an argument (`psql -v pw="${PW}"`,
/// `curl -H "Authorization: ${TOKEN}"`) is visible to every user of the
/// machine in `ps` while the program runs, whatever the script masks:
/// warned, naming the program, with what to do instead (the environment,
/// `NAME="${NAME}" program`, or standard input). Preflight checks, steps,
/// waits, checks and cleanups are all read.
enum SecretArgumentRules {
  static func check(_ procedure: Procedure) -> [Diagnostic] {
    let secrets = procedure.parameters.filter(\.isSecret).map(\.name)
    guard !secrets.isEmpty else { return [] }
    var found: [Diagnostic] = []
    func report(_ texts: [String], step: String?) {
      for text in texts {
        // A builtin (printf, echo) starts no process, so ps never shows its words.
        for invocation in ShellText(text).invocations
        where !ShellText.shellWords.contains(invocation.program) {
          for secret in secrets where invocation.arguments.contains(where: { names($0, secret) }) {
            found.append(
              Diagnostic(
                .warning, rule: "secret-argument", procedure: procedure.reference, step: step,
                "\(secret) is passed to \(invocation.program) as an argument, which ps shows to every user of the machine; pass it in the environment (\(secret)=\"${\(secret)}\" \(invocation.program) ...) or on standard input"
              ))
          }
        }
      }
    }
    for phase in procedure.phases {
      report(phase.preflight.map(\.command), step: nil)
      for step in phase.steps {
        report(step.actions.flatMap(\.shellTexts), step: step.id)
        if let cleanup = step.cleanup { report([cleanup.command], step: step.id) }
      }
    }
    return found
  }

  /// Whether a word as written expands `name`: `${NAME}`, `${NAME:-x}` or
  /// `$NAME` not followed by more of a name.
  static func names(_ word: String, _ name: String) -> Bool {
    if word.contains("${\(name)}") || word.contains("${\(name):") || word.contains("${\(name)-") {
      return true
    }
    var rest = Substring(word)
    while let range = rest.range(of: "$" + name) {
      let next = rest[range.upperBound...].first
      if next.map({ !($0.isLetter || $0.isNumber || $0 == "_") }) ?? true { return true }
      rest = rest[range.upperBound...]
    }
    return false
  }
}
