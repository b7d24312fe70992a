/// Checks shell snippets for syntax errors without running them. The CLI
/// gives the linter one that runs `bash -n`; tests may give their own.
public protocol ShellSyntaxChecker: Sendable {
  /// For each snippet, nil when bash parses it, or bash's message.
  func check(_ snippets: [String]) -> [String?]
}
