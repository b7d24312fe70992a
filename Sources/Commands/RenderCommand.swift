import Model
import Templates

/// `gen-migration render ID[@VERSION] [--format bash|markdown|json] [--output PATH]
/// [--since OLD]`.
enum RenderCommand: Command {
  static let help = """
    Usage: gen-migration render ID[@VERSION]|FILE.json [--format bash|markdown|json] [--output PATH]
                                [--since OLD]

    Renders one procedure version (default: the newest) or a procedure JSON
    file as a bash script (default), a markdown runbook or JSON, to standard
    output or to PATH. A script written to PATH is executable. A procedure
    with lint errors is not rendered; the errors are printed. A script bash
    cannot parse (bash -n) is never printed or written.

    --since OLD (a catalog reference such as databricks@1.0, or a procedure
    JSON file) renders the markdown runbook (the default format with
    --since) with a "Changes since" section comparing it with OLD, as
    generate gives a catalog procedure's later versions. Without it, a
    runbook has that section when the catalog holds an earlier version of
    the same id.

    PATH is replaced atomically, and only if it is a regular file (or does
    not exist yet); a symbolic link is written through to its target.
    """

  static let formats = ["bash", "markdown", "json"]

  static func run(_ arguments: [String], catalog: [Procedure], output: inout Output)
    throws(CommandError)
  {
    let parsed = try ParsedArguments(
      arguments, command: "render", options: ["--format", "--output", "--since"])
    guard let reference = parsed.positionals.first else {
      throw .missingArgument("a procedure such as cml, cml@1.0 or a FILE.json", command: "render")
    }
    if parsed.positionals.count > 1 {
      throw .unexpectedArgument(parsed.positionals[1], command: "render")
    }
    let since = parsed.options["--since"]
    let format = parsed.options["--format"] ?? (since == nil ? "bash" : "markdown")
    guard formats.contains(format) else { throw .invalidFormat(format, allowed: formats) }
    if since != nil && format != "markdown" {
      throw .conflictingOptions(
        "--since gives the markdown runbook its \"Changes since\" section; it does not go with --format \(format)",
        command: "render")
    }
    let procedure = try ProcedureInput.load(reference, catalog: catalog, output: &output)
    var previous: Procedure? = nil
    if let since { previous = try ProcedureInput.load(since, catalog: catalog, output: &output) }
    try ProcedureLookup.requireValid(procedure)
    let text: String
    switch format {
    case "markdown":
      text =
        previous.map {
          Runbook.render(
            procedure, generator: Outputs.generator, previous: $0, rules: .lint,
            regenerate: ToolName.regenerate)
        }
        ?? Outputs.runbook(
          for: procedure, in: catalog, rules: .lint, regenerate: ToolName.regenerate)
    case "json": text = JSONForm.render(procedure)
    default:
      text = BashScript.render(
        procedure, generator: Outputs.generator, regenerate: ToolName.regenerate)
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
