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
    examples/, and only when run from the package's root (the folder whose
    Package.swift declares gen-migration); anywhere else --output is required, and
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
      ? catalog
      : try ProcedureInput.loadFiles(files, command: "generate", catalog: catalog, output: &output)
    guard
      let folder = parsed.options["--output"] ?? (files.isEmpty ? PackageFolder.examples() : nil)
    else {
      throw .missingArgument(
        files.isEmpty
          ? "--output DIR here (\(PackageFolder.noExamplesReason("writes the catalog into")))"
          : "--output DIR for procedure files (the package's examples/ holds only the catalog)",
        command: "generate")
    }
    let rendered = try expectedFiles(procedures)
    for file in rendered {
      try FileSystem.write(
        file.contents, to: "\(folder)/\(file.path)", executable: file.isExecutable)
    }
    output.print(
      "wrote \(counted(rendered.count, "file")) for \(counted(procedures.count, "procedure version")) to \(folder)"
    )
  }

  /// What generate writes, after every procedure has validated and every
  /// script parses.
  static func expectedFiles(_ catalog: [Procedure]) throws(CommandError) -> [RenderedFile] {
    for procedure in catalog { try ProcedureLookup.requireValid(procedure) }
    var files: [RenderedFile] = []
    for procedure in catalog {
      let rendered = Outputs.files(
        for: procedure, in: catalog, rules: .lint, regenerate: ToolName.regenerate)
      try ScriptGate.requireParseable(rendered, of: procedure.reference)
      files += rendered
    }
    return files
  }
}
