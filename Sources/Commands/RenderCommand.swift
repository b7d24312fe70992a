import Model
import Templates

/// `gen-migration render ID[@VERSION] [--format bash|markdown|json] [--output PATH]`.
enum RenderCommand: Command {
  static let help = """
    Usage: gen-migration render ID[@VERSION]|FILE.json [--format bash|markdown|json] [--output PATH]

    Renders one procedure version (default: the newest) or a procedure JSON
    file as a bash script (default), a markdown runbook or JSON, to standard
    output or to PATH. A script written to PATH is executable. A procedure
    with lint errors is not rendered; the errors are printed. A script bash
    cannot parse (bash -n) is never printed or written.

    PATH is replaced atomically, and only if it is a regular file (or does
    not exist yet); a symbolic link is written through to its target.
    """

  static let formats = ["bash", "markdown", "json"]

  static func run(_ arguments: [String], catalog: [Procedure], output: inout Output)
    throws(CommandError)
  {
    let parsed = try ParsedArguments(
      arguments, command: "render", options: ["--format", "--output"])
    guard let reference = parsed.positionals.first else {
      throw .missingArgument("a procedure such as cml, cml@1.0 or a FILE.json", command: "render")
    }
    if parsed.positionals.count > 1 {
      throw .unexpectedArgument(parsed.positionals[1], command: "render")
    }
    let format = parsed.options["--format"] ?? "bash"
    guard formats.contains(format) else { throw .invalidFormat(format, allowed: formats) }
    let procedure = try ProcedureInput.load(reference, catalog: catalog)
    try ProcedureLookup.requireValid(procedure)
    let text: String
    switch format {
    case "markdown":
      text = Outputs.runbook(for: procedure, in: catalog)
    case "json": text = JSONForm.render(procedure)
    default:
      text = BashScript.render(procedure, generator: Outputs.generator)
      try ScriptGate.requireParseable(
        [RenderedFile(path: "migrate.sh", contents: text, isExecutable: true)],
        of: procedure.reference)
    }
    if let path = parsed.options["--output"] {
      try FileSystem.write(text, to: path, executable: format == "bash")
    } else {
      output.write(text)
    }
  }
}
