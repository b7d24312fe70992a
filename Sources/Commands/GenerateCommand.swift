import Model
import Templates

/// `gen-migration generate [--output DIR]`: every catalog version into
/// `DIR/ID/VERSION/{migrate.sh,README.md}`; `generate FILE... --output DIR`:
/// exactly what those procedure files render.
enum GenerateCommand: Command {
  static let help = """
    Usage: gen-migration generate [--output DIR]
           gen-migration generate FILE.json... --output DIR

    Writes every procedure version of the catalog, or exactly the given
    procedure JSON files (no catalog procedure), to DIR/ID/VERSION/migrate.sh
    (executable) and DIR/ID/VERSION/README.md. A runbook's "Changes since"
    compares it with the newest earlier version of its id among what is
    written. Without --output, the catalog is written into the package's own
    examples/, and only when run from the package's root (the folder of
    gen-migration's Package.swift); anywhere else --output is required, and
    procedure files always need it. Nothing is written when any procedure has
    lint errors or renders a script bash cannot parse. Files DIR holds that
    generate does not write are left; `gen-migration check DIR [FILE.json...]`
    lists them.
    """

  static func run(_ arguments: [String], catalog: [Procedure], output: inout Output)
    throws(CommandError)
  {
    let parsed = try ParsedArguments(arguments, command: "generate", options: ["--output"])
    let files = parsed.positionals
    let procedures =
      files.isEmpty
      ? catalog : try ProcedureInput.loadFiles(files, command: "generate", catalog: catalog)
    guard
      let folder = parsed.options["--output"] ?? (files.isEmpty ? PackageFolder.examples() : nil)
    else {
      throw .missingArgument(
        files.isEmpty
          ? "--output DIR here (without it, it writes the catalog into the gen-migration package's examples/ and runs only from the package's root)"
          : "--output DIR for procedure files (the package's examples/ holds only the catalog)",
        command: "generate")
    }
    let rendered = try expectedFiles(procedures)
    for file in rendered {
      try FileSystem.write(
        file.contents, to: "\(folder)/\(file.path)", executable: file.isExecutable)
    }
    output.print(
      "wrote \(rendered.count) files for \(procedures.count) procedure versions to \(folder)")
  }

  /// What generate writes, after every procedure has validated and every
  /// script parses.
  static func expectedFiles(_ catalog: [Procedure]) throws(CommandError) -> [RenderedFile] {
    for procedure in catalog { try ProcedureLookup.requireValid(procedure) }
    var files: [RenderedFile] = []
    for procedure in catalog {
      let rendered = Outputs.files(for: procedure, in: catalog, rules: .lint)
      try ScriptGate.requireParseable(rendered, of: procedure.reference)
      files += rendered
    }
    return files
  }
}
