import Model

/// What a step's commands destroy, whether or not the step is marked
/// destructive: `DROP`, `TRUNCATE` or `DELETE` in its SQL (or upper-case in
/// a shell command), and the destructive shell shapes of
/// `DestructiveCommands` (`kubectl delete namespace`, `rm -r`, ...) in its
/// actions and cleanup. Lint's `undeclared-destruction` reads it, and
/// `gen-migration diff` asks it whether a step that is no longer marked
/// destructive still destroys.
public enum StepDestruction {
  /// The destructions found, by name (`kubectl delete namespace`, `DROP`),
  /// sorted, each once.
  public static func found(in step: Step) -> [String] {
    var destroys: [String] = []
    for action in step.actions {
      switch action {
      case .sql(let sql):
        destroys += SQLText.destructiveKeywords(in: SQLText.code(sql.statements), anyCase: true)
      case .shell, .writeFile, .manual, .wait, .check, .choose:
        for text in action.shellTexts { destroys += shell(text) }
      }
    }
    if let cleanup = step.cleanup { destroys += shell(cleanup.command) }
    return Array(Set(destroys)).sorted()
  }

  /// Whether the step's commands destroy anything.
  public static func destroys(_ step: Step) -> Bool { !found(in: step).isEmpty }

  private static func shell(_ text: String) -> [String] {
    SQLText.destructiveKeywords(in: text, anyCase: false) + DestructiveCommands.found(in: text)
  }
}
