import Model
import Templates

/// `gen-migration init ID [--output FILE]`: a starting procedure file.
enum InitCommand: Command {
  static let help = """
    Usage: gen-migration init ID [--output FILE]

    Writes a starting procedure with id ID (kebab-case) as JSON to standard
    output or to FILE: it lints clean and shows each kind of action once
    (shell, sql, writeFile, manual, wait, check, choose), a destructive
    step, a parameter rule and each kind of parameter. Edit it, then
    `gen-migration lint FILE` and `gen-migration generate FILE --output DIR`.
    An existing FILE is never overwritten.
    """

  static func run(_ arguments: [String], catalog: [Procedure], output: inout Output)
    throws(CommandError)
  {
    let parsed = try ParsedArguments(arguments, command: "init", options: ["--output"])
    guard let id = parsed.positionals.first else {
      throw .missingArgument("the new procedure's id, such as rotate-password", command: "init")
    }
    if parsed.positionals.count > 1 {
      throw .unexpectedArgument(parsed.positionals[1], command: "init")
    }
    guard Procedure.isKebabCase(id) else {
      throw .invalidID(id)
    }
    let text = JSONForm.render(StarterProcedure.procedure(id: id))
    if let path = parsed.options["--output"] {
      if FileSystem.exists(path) {
        throw .cannotWrite(path: path, reason: "it exists; choose another path or remove it first")
      }
      try FileSystem.write(text, to: path, executable: false)
      output.print("wrote \(path): lint it with `\(ToolName.current) lint \(path)`")
    } else {
      output.write(text)
    }
  }
}
