/// What a piece of shell text does, as far as the model needs to know: the
/// programs it runs, the variables it reads and the variables it assigns.
///
/// `kubectl get pod db-0 -n "${NAMESPACE}" | grep -c Running` runs `kubectl`
/// and `grep` and reads `NAMESPACE`. Single-quoted text, escaped `\$`,
/// quoted here-document bodies and the remote side of `bash -c '...'` are
/// literal and read nothing.
public struct ShellText: Equatable, Sendable {
  /// Programs in command position, in order of first appearance; a program
  /// named by a variable (`"${CLI}" migrate`) appears as `${CLI}`.
  public var commands: [String] = []
  /// Builtins in command position (`read`, `printf`, `true`), in order of
  /// first appearance: what runs without a program.
  public var builtins: [String] = []
  /// Variables read, in order of first appearance.
  public var reads: [String] = []
  /// Variables assigned (`x=1`, `for x in`, `read x`, `local x`, `mapfile -t x`).
  public var assigns: [String] = []
  /// Every simple command that runs a program, in the order they end (the
  /// commands of a `$(...)` before the command around it), with its words as
  /// written: `PACH_CONTEXT="${C}" pachctl list repo` is the program
  /// `pachctl`, the assignment `PACH_CONTEXT="${C}"` and the arguments
  /// `list`, `repo`. A program run by a wrapper (`xargs`, `env`, `timeout`)
  /// inherits the wrapper's assignments.
  public var invocations: [Invocation] = []

  /// One simple command: its program and its words, unexpanded.
  public struct Invocation: Equatable, Sendable {
    public var program: String
    public var assignments: [String]
    public var arguments: [String]
  }

  public init(_ text: String) {
    var scanner = ShellScanner(Array(text.unicodeScalars))
    scanner.scanCommands(until: nil)
    commands = scanner.commands
    builtins = scanner.builtins
    reads = scanner.reads
    assigns = scanner.assigns
    invocations = scanner.invocations
  }

  /// Words that are part of the shell, not programs on PATH.
  public static let shellWords: Set<String> = [
    "!", "{", "}", "[", "[[", "]]", "case", "do", "done", "elif", "else", "esac", "fi", "for",
    "function", "if", "in", "select", "then", "time", "until", "while", "alias", "break",
    "builtin", "cd", "command", "continue", "declare", "echo", "eval", "exec", "exit", "export",
    "false", "getopts", "hash", "local", "mapfile", "printf", "pwd", "read", "readarray",
    "readonly", "return", "set", "shift", "source", ".", ":", "test", "trap", "true", "type",
    "typeset", "ulimit", "umask", "unset", "wait", "let", "shopt",
  ]
}

/// A small hand-written scanner over unicode scalars; see `ShellText`.
struct ShellScanner {
  let text: [Unicode.Scalar]
  var index = 0
  var commands: [String] = []
  var builtins: [String] = []
  var reads: [String] = []
  var assigns: [String] = []
  var invocations: [ShellText.Invocation] = []
  private var pendingHeredocs: [(delimiter: String, expands: Bool)] = []

  init(_ text: [Unicode.Scalar]) { self.text = text }

  private var current: Unicode.Scalar? { index < text.count ? text[index] : nil }
  private func peek(_ offset: Int) -> Unicode.Scalar? {
    index + offset < text.count ? text[index + offset] : nil
  }

  private mutating func addRead(_ name: String) { if !reads.contains(name) { reads.append(name) } }
  private mutating func addAssign(_ name: String) {
    if !assigns.contains(name) { assigns.append(name) }
  }
  private mutating func addCommand(_ name: String) {
    if !commands.contains(name) { commands.append(name) }
  }

  /// Scans a command list until `terminator` (`)` for `$(...)`, `` ` `` for
  /// backticks) or the end of the text.
  mutating func scanCommands(until terminator: Unicode.Scalar?) {
    var commandPosition = true
    var argumentsOf: String? = nil
    var expectName = false
    var nextIsRedirectTarget = false
    var afterWrapper = false
    var inTest = false
    // The simple command being read, and the assignments before its program.
    var invocation: ShellText.Invocation? = nil
    var assignments: [String] = []
    func finish() {
      if let invocation { invocations.append(invocation) }
      invocation = nil
      assignments = []
    }
    defer { finish() }
    while let scalar = current {
      if scalar == terminator {
        index += 1
        return
      }
      switch scalar {
      case "\n":
        index += 1
        skipHeredocBodies()
        commandPosition = true
        argumentsOf = nil
        finish()
      case " ", "\t":
        index += 1
      case ";", "&", "|", "(", ")":
        index += 1
        if inTest { continue }
        if scalar == "(" && current == "(" {
          skipArithmetic()
          continue
        }
        commandPosition = true
        argumentsOf = nil
        finish()
      case "#" where commandPosition || isWordBoundaryBefore():
        while let next = current, next != "\n" { index += 1 }
      case "<", ">":
        nextIsRedirectTarget = scanRedirection()
      default:
        let start = index
        let word = scanWord()
        let raw = String(String.UnicodeScalarView(text[start..<min(index, text.count)]))
        /// `program` starts a simple command; after a wrapper it is the
        /// wrapped program, with the wrapper's assignments.
        func begin(_ program: String) {
          if let wrapper = invocation {
            invocations.append(wrapper)
            assignments = wrapper.assignments + assignments
          }
          invocation = ShellText.Invocation(
            program: program, assignments: assignments, arguments: [])
          assignments = []
        }
        if nextIsRedirectTarget {
          nextIsRedirectTarget = false
          continue
        }
        if inTest {
          if word.literal == "]]" { inTest = false }
          continue
        }
        let assigned = word.prefix.firstIndex(of: "=").map { String(word.prefix[..<$0]) }
          .map { $0.hasSuffix("+") ? String($0.dropLast()) : $0 }
        if commandPosition, let name = assigned, isName(name) {
          addAssign(name)
          assignments.append(raw)
          // `name=(a b c)`: array elements are words, not commands.
          if word.literal?.hasSuffix("=") == true, current == "(" { skipArrayElements() }
          continue
        }
        guard let literal = word.literal else {
          // A program named by a parameter, `"${CLI}" args`, is a tool too.
          // An unterminated quote or a trailing backslash can leave index past the end.
          let bare =
            raw.hasPrefix("\"") && raw.hasSuffix("\"") ? String(raw.dropFirst().dropLast()) : raw
          if commandPosition {
            if bare.hasPrefix("${"), bare.hasSuffix("}"),
              isName(String(bare.dropFirst(2).dropLast()))
            {
              addCommand(bare)
            }
            begin(bare)
          } else {
            invocation?.arguments.append(raw)
          }
          commandPosition = false
          continue
        }
        if expectName {
          expectName = false
          if isName(literal) { addAssign(literal) }
          continue
        }
        if commandPosition && afterWrapper
          && (literal.hasPrefix("-") || literal.first?.isNumber == true)
        {
          invocation?.arguments.append(raw)
          continue
        }
        if commandPosition {
          if let eq = literal.firstIndex(of: "="), isName(String(literal[..<eq])) {
            addAssign(String(literal[..<eq]))
            assignments.append(raw)
            continue
          }
          switch literal {
          case "for", "select":
            expectName = true
            commandPosition = false
          case "[[":
            inTest = true
            commandPosition = false
          case "do", "then", "else", "elif", "if", "while", "until", "!", "{", "}", "time":
            commandPosition = true
          case "done", "fi", "esac": commandPosition = false
          default:
            commandPosition = false
            afterWrapper = false
            argumentsOf = literal
            if !ShellText.shellWords.contains(literal) {
              addCommand(literal)
            } else if !builtins.contains(literal) {
              builtins.append(literal)
            }
            begin(literal)
            if ["xargs", "sudo", "env", "nohup", "watch", "timeout", "exec", "command"].contains(
              literal)
            {
              commandPosition = true
              afterWrapper = true
            }
          }
        } else if let owner = argumentsOf {
          invocation?.arguments.append(raw)
          if ["local", "declare", "typeset", "export", "readonly", "read", "mapfile", "readarray"]
            .contains(owner), !literal.hasPrefix("-")
          {
            let name = literal.split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
            if isName(name) { addAssign(name) }
          }
        }
      }
    }
  }

  /// Skips `(a "$b" c)` after `name=`, reading the variables it expands.
  private mutating func skipArrayElements() {
    index += 1
    while let scalar = current, scalar != ")" {
      switch scalar {
      case "'":
        index += 1
        while let inner = current, inner != "'" { index += 1 }
        index += 1
      case "\\": index = min(index + 2, text.count)
      case "$": scanDollar()
      case "\"":
        index += 1
        var ignored = ""
        _ = scanDoubleQuoted(into: &ignored)
      default: index += 1
      }
    }
    index += 1
  }

  private func isWordBoundaryBefore() -> Bool {
    index == 0 || [" ", "\t", "\n", ";"].contains(text[index - 1])
  }

  private func isName(_ word: String) -> Bool {
    guard let first = word.unicodeScalars.first, first == "_" || first.properties.isAlphabetic,
      first.isASCII
    else { return false }
    return word.unicodeScalars.allSatisfy {
      $0.isASCII && ($0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0))
    }
  }

  /// `<`, `>`, `>>`, `2>&1`, `<<EOF`, `<<-'EOF'`, `<<<`. Returns whether a
  /// target word follows (a here-document's delimiter is read here).
  private mutating func scanRedirection() -> Bool {
    if current == "<" && peek(1) == "<" && peek(2) != "<" {
      index = min(index + 2, text.count)
      if current == "-" { index += 1 }
      while current == " " { index += 1 }
      let start = index
      let word = scanWord()
      let quoted = text[start..<index].contains { $0 == "'" || $0 == "\"" || $0 == "\\" }
      if let delimiter = word.literal { pendingHeredocs.append((delimiter, !quoted)) }
      return false
    }
    while let scalar = current, scalar == "<" || scalar == ">" || scalar == "&" { index += 1 }
    if let scalar = current, ("0"..."9").contains(scalar) || scalar == "-" {
      if peek(1) == nil || [" ", "\n", ";", ")"].contains(peek(1)!) {
        index += 1
        return false
      }
    }
    return true
  }

  private mutating func skipHeredocBodies() {
    while !pendingHeredocs.isEmpty {
      let (delimiter, expands) = pendingHeredocs.removeFirst()
      while current != nil {
        let lineStart = index
        while let scalar = current, scalar != "\n" { index += 1 }
        let line = String(String.UnicodeScalarView(text[lineStart..<index]))
        if current == "\n" { index += 1 }
        if line.trimmingLeadingTabs == delimiter { break }
        if expands {
          var body = ShellScanner(Array(line.unicodeScalars))
          body.scanExpansionsOnly()
          for name in body.reads { addRead(name) }
        }
      }
    }
  }

  /// Reads `$VAR`, `${VAR}` and `$(...)` in text that is not itself commands
  /// (an unquoted here-document body).
  mutating func scanExpansionsOnly() {
    while let scalar = current {
      if scalar == "\\" {
        index = min(index + 2, text.count)
        continue
      }
      if scalar == "$" {
        scanDollar()
        continue
      }
      index += 1
    }
  }

  private mutating func skipArithmetic() {
    var depth = 1
    index += 1
    while let scalar = current, depth > 0 {
      if scalar == "(" { depth += 1 } else if scalar == ")" { depth -= 1 }
      if scalar == "$" {
        scanDollar()
        continue
      }
      index += 1
    }
    if current == ")" { index += 1 }
  }

  /// One word; `literal` is nil when any part of it is an expansion, and
  /// `prefix` is its literal text up to the first expansion (`name=` of
  /// `name=$(...)`).
  private mutating func scanWord() -> (literal: String?, prefix: String) {
    var literal = ""
    var isLiteral = true
    var prefix: String? = nil
    while let scalar = current {
      if !isLiteral && prefix == nil { prefix = literal }
      switch scalar {
      case " ", "\t", "\n", ";", "&", "|", "<", ">", "(", ")":
        return (isLiteral ? literal : nil, prefix ?? literal)
      case "\\":
        if let next = peek(1), next != "\n" { literal.unicodeScalars.append(next) }
        index = min(index + 2, text.count)
      case "'":
        index += 1
        while let inner = current, inner != "'" {
          literal.unicodeScalars.append(inner)
          index += 1
        }
        index += 1
      case "\"":
        index += 1
        if scanDoubleQuoted(into: &literal) { isLiteral = false }
      case "$":
        scanDollar()
        isLiteral = false
      case "`":
        index += 1
        scanCommands(until: "`")
        isLiteral = false
      default:
        literal.unicodeScalars.append(scalar)
        index += 1
      }
    }
    if !isLiteral && prefix == nil { prefix = literal }
    return (isLiteral ? literal : nil, prefix ?? literal)
  }

  /// Returns whether the quoted text held an expansion.
  private mutating func scanDoubleQuoted(into literal: inout String) -> Bool {
    var expanded = false
    while let scalar = current, scalar != "\"" {
      switch scalar {
      case "\\":
        if let next = peek(1) { literal.unicodeScalars.append(next) }
        index = min(index + 2, text.count)
      case "$":
        scanDollar()
        expanded = true
      case "`":
        index += 1
        scanCommands(until: "`")
        expanded = true
      default:
        literal.unicodeScalars.append(scalar)
        index += 1
      }
    }
    index += 1
    return expanded
  }

  /// `$NAME`, `${NAME...}`, `$(...)`, `$((...))`, `$1`, `$?`.
  private mutating func scanDollar() {
    index += 1
    guard let scalar = current else { return }
    if scalar == "(" {
      index += 1
      if current == "(" {
        skipArithmetic()
        return
      }
      scanCommands(until: ")")
    } else if scalar == "{" {
      index += 1
      if current == "#" || current == "!" { index += 1 }
      let name = scanName()
      if !name.isEmpty { addRead(name) }
      var depth = 1
      while let inner = current, depth > 0 {
        if inner == "{" { depth += 1 } else if inner == "}" { depth -= 1 }
        if inner == "$" && depth > 0 {
          scanDollar()
          continue
        }
        index += 1
      }
    } else if scalar == "_" || (scalar.isASCII && scalar.properties.isAlphabetic) {
      addRead(scanName())
    } else {
      index += 1
    }
  }

  private mutating func scanName() -> String {
    var name = ""
    while let scalar = current, scalar.isASCII,
      scalar == "_" || scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
    {
      name.unicodeScalars.append(scalar)
      index += 1
    }
    return name
  }
}

extension String {
  fileprivate var trimmingLeadingTabs: String { String(drop { $0 == "\t" }) }
}
