import Model
import Templates

/// `gen-migration generate [--output DIR]`: every catalog version into
/// `DIR/ID/VERSION/{migrate.sh,README.md}`.
enum GenerateCommand: Command {
  static let help = """
    Usage: gen-migration generate [--output DIR]

    Writes every procedure version of the catalog to DIR/ID/VERSION/migrate.sh
    (executable) and DIR/ID/VERSION/README.md. DIR defaults to examples.
    Nothing is written when any procedure has errors.
    """

  static func run(_ arguments: [String], catalog: [Procedure], output: inout Output)
    throws(CommandError)
  {
    let parsed = try ParsedArguments(arguments, command: "generate", options: ["--output"])
    if let extra = parsed.positionals.first {
      throw .unexpectedArgument(extra, command: "generate")
    }
    let folder = parsed.options["--output"] ?? "examples"
    let files = try expectedFiles(catalog)
    for file in files {
      try FileSystem.write(
        file.contents, to: "\(folder)/\(file.path)", executable: file.isExecutable)
    }
    output.print("wrote \(files.count) files for \(catalog.count) procedure versions to \(folder)")
  }

  /// What generate writes, after every procedure has validated.
  static func expectedFiles(_ catalog: [Procedure]) throws(CommandError) -> [RenderedFile] {
    for procedure in catalog { try ProcedureLookup.requireValid(procedure) }
    return catalog.flatMap(Outputs.files(for:))
  }
}
