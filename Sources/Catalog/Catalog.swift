import Model

/// Every documented procedure, every version, in a stable order (by id, then
/// version). Each family lives in a file of its own.
public enum Catalog {
  public static let procedures: [Procedure] = [
    AtlasDB.version1,
    CML.version1,
    Databricks.version1,
    Databricks.version2,
    Databricks.pipeline2,
    Pachyderm.version1,
  ].sorted { ($0.id, $0.version) < ($1.id, $1.version) }

  /// All versions of `id`, oldest first.
  public static func versions(of id: String) -> [Procedure] {
    procedures.filter { $0.id == id }
  }

  /// `cml` (the newest version) or `cml@1.0`.
  public static func procedure(_ reference: String) -> Procedure? {
    let parts = reference.split(separator: "@", maxSplits: 1).map(String.init)
    let candidates = versions(of: parts[0])
    if parts.count == 2 {
      guard let version = Version(parsing: parts[1]) else { return nil }
      return candidates.first { $0.version == version }
    }
    return candidates.max { $0.version < $1.version }
  }
}
