import Model

/// The files `gen-migration generate` writes for one procedure version:
/// `ID/VERSION/migrate.sh` (executable) and `ID/VERSION/README.md`.
public enum Outputs {
  /// Named in every generated header.
  public static let generator = "gen-migration 0.1.0"
  /// The command every generated header says regenerates the file; a tool
  /// built on GenMigrationKit names its own (`rotate-password generate`).
  public static let regenerate = "gen-migration generate"

  /// The files of `procedure`; its runbook's "Changes since" section compares
  /// it with the newest earlier version of the same id in `catalog`, its
  /// changes classified by `rules`.
  public static func files(
    for procedure: Procedure, in catalog: [Procedure] = [], rules: RiskRules,
    regenerate: String = Outputs.regenerate
  ) -> [RenderedFile] {
    let folder = "\(procedure.id)/\(procedure.version)"
    let script = BashScript.render(procedure, generator: generator, regenerate: regenerate)
    return [
      RenderedFile(path: "\(folder)/migrate.sh", contents: script, isExecutable: true),
      RenderedFile(
        path: "\(folder)/README.md",
        contents: runbook(for: procedure, in: catalog, rules: rules, regenerate: regenerate)),
    ]
  }

  /// The runbook, with "Changes since" the newest earlier version of the same
  /// id in `catalog`, if there is one.
  public static func runbook(
    for procedure: Procedure, in catalog: [Procedure], rules: RiskRules,
    regenerate: String = Outputs.regenerate
  ) -> String {
    let previous = catalog.filter { $0.id == procedure.id && $0.version < procedure.version }
      .max { $0.version < $1.version }
    return Runbook.render(
      procedure, generator: generator, previous: previous, rules: rules, regenerate: regenerate)
  }
}
