extension String {
  /// The text without its trailing line breaks: a SQL script or a file's
  /// content as the runbook and the script show it.
  var trimmingTrailingNewlines: String {
    var copy = self
    while copy.hasSuffix("\n") { copy.removeLast() }
    return copy
  }
}
