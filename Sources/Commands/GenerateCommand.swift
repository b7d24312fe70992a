import Model
import Templates

/// `gen-migration generate [--output DIR]`: every catalog version into
/// `DIR/ID/VERSION/{migrate.sh,README.md}`.
enum GenerateCommand: Command {
  static let help = """
    Usage: gen-migration generate [FILE.json...] [--output DIR]

    Writes every procedure version of the catalog (or of the given procedure
    JSON files) to DIR/ID/VERSION/migrate.sh (executable) and
    DIR/ID/VERSION/README.md. DIR defaults to examples. Nothing is written
    when any procedure has lint errors or renders a script bash cannot parse.
    """

  static func run(_ arguments: [String], catalog: [Procedure], output: inout Output)
    throws(CommandError)
  {
    let parsed = try ParsedArguments(arguments, command: "generate", options: ["--output"])
    var procedures = catalog
    if !parsed.positionals.isEmpty {
      procedures = []
      for argument in parsed.positionals {
        guard ProcedureInput.isFile(argument) else {
          throw .unexpectedArgument(argument, command: "generate")
        }
        procedures.append(try ProcedureInput.load(argument, catalog: catalog))
      }
    }
    let folder = parsed.options["--output"] ?? "examples"
    let files = try expectedFiles(procedures)
    for file in files {
      try FileSystem.write(
        file.contents, to: "\(folder)/\(file.path)", executable: file.isExecutable)
    }
    output.print(
      "wrote \(files.count) files for \(procedures.count) procedure versions to \(folder)")
  }

  /// What generate writes, after every procedure has validated and every
  /// script parses.
  static func expectedFiles(_ catalog: [Procedure]) throws(CommandError) -> [RenderedFile] {
    for procedure in catalog { try ProcedureLookup.requireValid(procedure) }
    var files: [RenderedFile] = []
    for procedure in catalog {
      let rendered = Outputs.files(for: procedure, in: catalog)
      try ScriptGate.requireParseable(rendered, of: procedure.reference)
      files += rendered
    }
    return files
  }
}
