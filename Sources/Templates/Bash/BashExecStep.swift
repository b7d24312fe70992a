import Model

/// A step whose one action is one simple command of a program becomes that
/// program: its function reads `exec kubectl scale deployment web
/// --replicas=0`, so the child the script runs the step in (and waits for,
/// so that a signal is handled at once) is the program itself, not a copy
/// of the script's shell that starts it. That saves a fork of the whole
/// script's shell a step (see `docs/benchmarks.md`).
///
/// Only text that is plainly one command qualifies: no operator, pipe,
/// redirection, group, substitution or assignment outside quotes, no
/// builtin or keyword, and a program that is no function of the script
/// (`say` is one: `exec say` would fail). Anything else runs as written.
extension BashTranslator {
  /// `command` prefixed with `exec`, or nil when the step is not one plain
  /// command of a program.
  func execForm(of step: Step) -> String? {
    guard step.destroys == nil, step.actions.count == 1,
      case .shell(let shell) = step.actions[0]
    else { return nil }
    let blank: Set<Character> = [" ", "\t", "\n"]
    let text = String(
      shell.command.drop(while: blank.contains).reversed().drop(while: blank.contains).reversed())
    guard Self.isOnePlainCommand(text) else { return nil }
    let parsed = ShellText(text)
    guard parsed.invocations.count == 1, parsed.commands.count == 1,
      parsed.builtins.isEmpty, parsed.assigns.isEmpty,
      let invocation = parsed.invocations.first, invocation.assignments.isEmpty,
      !scriptFunctions.contains(invocation.program),
      !Self.stepFunctionPrefixes.contains(where: invocation.program.hasPrefix),
      text.split(separator: " ", maxSplits: 1).first.map(String.init) == invocation.program,
      invocation.program.unicodeScalars.allSatisfy(Self.programNameScalars.contains)
    else { return nil }
    return "exec " + text
  }

  /// The prefixes of the functions generated for steps (``ScriptContract``):
  /// `step_`, `plan_`, `cleanup_`.
  static let stepFunctionPrefixes = [
    ScriptContract.stepFunction("x"), ScriptContract.planFunction("x"),
    ScriptContract.cleanupFunction("x"),
  ].map { String($0.dropLast()) }

  /// What a program's name may be spelt with, unquoted: `kubectl`,
  /// `/usr/bin/psql`, `python3.11`.
  static let programNameScalars = Set(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./-+".unicodeScalars)

  /// Whether `text` has none of bash's operators outside quotes: no `;`,
  /// `&`, `|`, `<`, `>`, `(`, `)`, `{`, `}`, `#` or line break (a
  /// backslash before a line break continues the line), and no `` ` `` or
  /// `$(` anywhere.
  static func isOnePlainCommand(_ text: String) -> Bool {
    var quote: Unicode.Scalar? = nil
    var escaped = false
    var previous: Unicode.Scalar? = nil
    for scalar in text.unicodeScalars {
      defer { previous = scalar }
      if escaped {
        escaped = false
        continue
      }
      if scalar == "`" || (previous == "$" && scalar == "(") { return false }
      switch quote {
      case "'":
        if scalar == "'" { quote = nil }
      case "\"":
        if scalar == "\\" {
          escaped = true
        } else if scalar == "\"" {
          quote = nil
        }
      default:
        switch scalar {
        case "\\": escaped = true
        case "'", "\"": quote = scalar
        case ";", "&", "|", "<", ">", "(", ")", "{", "}", "#", "\n", "\r": return false
        default: break
        }
      }
    }
    return quote == nil && !escaped
  }

  /// The functions the script defines besides its steps': the fixed
  /// runtime's (``BashRuntime/fixedParts``, read once) and those the
  /// translator added to `nodes` (help, argument parsing, preflight). The
  /// steps' own are known by their prefixes, ``stepFunctionPrefixes``. A
  /// command naming one of them is no program to `exec`.
  static func functionNames(in nodes: [ScriptNode]) -> Set<String> {
    var names = runtimeFunctionNames
    for case .function(let name, _) in nodes { names.insert(name) }
    return names
  }

  /// Every function the fixed runtime defines, whether or not a script
  /// includes its part: `name() {` at the start of a line.
  static let runtimeFunctionNames: Set<String> = {
    var names: Set<String> = []
    for line in BashRuntime.fixedParts.joined(separator: "\n").split(separator: "\n") {
      let trimmed = line.drop(while: { $0 == " " })
      guard let end = trimmed.range(of: "() {") ?? trimmed.range(of: "()") else { continue }
      let name = trimmed[..<end.lowerBound]
      if !name.isEmpty, name.unicodeScalars.allSatisfy(programNameScalars.contains) {
        names.insert(String(name))
      }
    }
    return names
  }()
}
