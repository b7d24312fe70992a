import Model

/// What the three Databricks procedures' source tables share: how a table's
/// lines are looked up by step, and the reasons of the omissions that more
/// than one edition makes. Each edition's table is in its own file
/// (`DatabricksSources1.swift`, `DatabricksStepwiseSources2.swift`,
/// `DatabricksPipelineSources2.swift`).
extension Databricks {
  /// The references that `table` gives the steps `ids`, in the order of
  /// `ids`: e.g. every line a tool-running step carries, for the
  /// corrections that change every tool command.
  static func lines(
    of ids: [String], in table: KeyValuePairs<String, [SourceReference]>
  ) -> [SourceReference] {
    ids.flatMap { id in table.first { $0.key == id }?.value ?? [] }
  }

  /// The `--help` and `-h` commands the READMEs quote with the text they
  /// print.
  static let helpReason =
    "A help command of the tool, quoted with what it prints: it changes nothing, and no step needs it."

  /// Seed 004's example of what the clusters log holds.
  static let instanceProfileExample = Omission(
    "arn:aws:iam::111111111111:instance-profile/profileName",
    reason:
      "An example of an instance profile ARN in the README's prose, showing what the clusters log holds; not a command."
  )
}
