import Lint
import Model

/// Finds `ID` (the newest version) or `ID@VERSION` in the catalog, with a
/// suggestion for a mistyped id.
enum ProcedureLookup {
  static func find(_ reference: String, in catalog: [Procedure]) throws(CommandError) -> Procedure {
    let parts = reference.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
      .map(String.init)
    let id = parts[0]
    let versions = catalog.filter { $0.id == id }.sorted { $0.version < $1.version }
    guard let newest = versions.last else {
      let ids = Array(Set(catalog.map(\.id))).sorted()
      throw .unknownProcedure(id, suggestion: Suggestion.closest(to: id, in: ids))
    }
    guard parts.count == 2 else { return newest }
    guard let version = Version(parsing: parts[1]),
      let match = versions.first(where: { $0.version == version })
    else {
      throw .unknownVersion(
        id: id, version: parts[1], available: versions.map(\.version.description))
    }
    return match
  }

  /// Refuses a procedure whose lint finds errors; warnings pass.
  static func requireValid(_ procedure: Procedure) throws(CommandError) {
    let errors = Linter(syntax: BashSyntaxChecker()).lint(procedure).filter {
      $0.severity == .error
    }
    if !errors.isEmpty {
      throw .invalidProcedure(procedure.reference, diagnostics: errors.map(\.description))
    }
  }
}
