import Model

/// The files `gen-migration generate` writes for one procedure version:
/// `ID/VERSION/migrate.sh` (executable) and `ID/VERSION/README.md`.
public enum Outputs {
  /// Named in every generated header.
  public static let generator = "gen-migration 0.1.0"

  public static func files(for procedure: Procedure) -> [RenderedFile] {
    let folder = "\(procedure.id)/\(procedure.version)"
    return [
      RenderedFile(
        path: "\(folder)/migrate.sh", contents: BashScript.render(procedure, generator: generator),
        isExecutable: true),
      RenderedFile(
        path: "\(folder)/README.md", contents: Runbook.render(procedure, generator: generator)),
    ]
  }
}
