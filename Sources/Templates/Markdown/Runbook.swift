import Model

/// Renders a procedure as the operator's runbook (`README.md`), in two
/// stages: `RunbookTranslator` builds the document (title, summary,
/// contents down to the steps, requirements, parameters, limitations and
/// warnings as GitHub alerts, a Mermaid flowchart of the procedure, phases
/// with numbered steps and their stable anchors, running the script,
/// corrections), and
/// `MarkdownRenderer` writes it, escaping every text of the model.
public enum Runbook {
  /// The runbook; with a `previous` version it has a "Changes since"
  /// section generated from the typed diff, its changes classified by
  /// `rules` (lint's table of destructive commands, from the command line).
  public static func render(
    _ procedure: Procedure, generator: String, previous: Procedure? = nil,
    rules: RiskRules = .conservative, regenerate: String = Outputs.regenerate
  ) -> String {
    MarkdownRenderer.render(
      RunbookTranslator.translate(
        procedure, generator: generator, previous: previous, rules: rules,
        regenerate: regenerate))
  }
}
