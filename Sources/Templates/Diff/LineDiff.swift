/// A unified diff of two texts, line by line, like `diff -u`: `---`/`+++`
/// headers, `@@ -a,b +c,d @@` hunks, and `context` unchanged lines around
/// each change. Built on the standard library's `difference(from:)`.
public enum LineDiff {
  /// One line of an edit script: kept (` `), removed (`-`) or added (`+`).
  struct Edit {
    var mark: Character
    var text: String
    var oldLine: Int
    var newLine: Int
  }

  /// The diff, or an empty string when the texts are equal.
  public static func unified(
    from old: String, to new: String, oldName: String, newName: String, context: Int = 3
  ) -> String {
    guard old != new else { return "" }
    let edits = editScript(from: lines(of: old), to: lines(of: new))
    var out = "--- \(oldName)\n+++ \(newName)\n"
    for hunk in hunks(of: edits, context: context) {
      let oldStart = hunk.first { $0.mark != "+" }?.oldLine ?? (hunk.first!.oldLine)
      let newStart = hunk.first { $0.mark != "-" }?.newLine ?? (hunk.first!.newLine)
      let oldCount = hunk.filter { $0.mark != "+" }.count
      let newCount = hunk.filter { $0.mark != "-" }.count
      out += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n"
      for edit in hunk { out += "\(edit.mark)\(edit.text)\n" }
    }
    if !old.isEmpty && !new.isEmpty && old.hasSuffix("\n") != new.hasSuffix("\n") {
      out += "\\ the two files differ in their final newline\n"
    }
    return out
  }

  /// `diff -u` writes an empty range as `start-1,0`.
  private static func range(_ start: Int, _ count: Int) -> String {
    count == 0 ? "\(start - 1),0" : count == 1 ? "\(start)" : "\(start),\(count)"
  }

  static func lines(of text: String) -> [String] {
    if text.isEmpty { return [] }
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if text.hasSuffix("\n") { lines.removeLast() }
    return lines
  }

  static func editScript(from old: [String], to new: [String]) -> [Edit] {
    let difference = new.difference(from: old)
    var removed = Set<Int>()
    var inserted = Set<Int>()
    for change in difference {
      switch change {
      case .remove(let offset, _, _): removed.insert(offset)
      case .insert(let offset, _, _): inserted.insert(offset)
      }
    }
    var edits: [Edit] = []
    var oldIndex = 0
    var newIndex = 0
    while oldIndex < old.count || newIndex < new.count {
      if oldIndex < old.count && removed.contains(oldIndex) {
        edits.append(
          Edit(mark: "-", text: old[oldIndex], oldLine: oldIndex + 1, newLine: newIndex + 1))
        oldIndex += 1
      } else if newIndex < new.count && inserted.contains(newIndex) {
        edits.append(
          Edit(mark: "+", text: new[newIndex], oldLine: oldIndex + 1, newLine: newIndex + 1))
        newIndex += 1
      } else {
        edits.append(
          Edit(mark: " ", text: old[oldIndex], oldLine: oldIndex + 1, newLine: newIndex + 1))
        oldIndex += 1
        newIndex += 1
      }
    }
    return edits
  }

  /// Groups changes that are at most `2 * context` kept lines apart.
  static func hunks(of edits: [Edit], context: Int) -> [[Edit]] {
    let changed = edits.indices.filter { edits[$0].mark != " " }
    guard var start = changed.first.map({ max(0, $0 - context) }) else { return [] }
    var end = min(edits.count - 1, changed[0] + context)
    var hunks: [[Edit]] = []
    for index in changed.dropFirst() {
      if index - context <= end + 1 {
        end = min(edits.count - 1, index + context)
      } else {
        hunks.append(Array(edits[start...end]))
        start = max(0, index - context)
        end = min(edits.count - 1, index + context)
      }
    }
    hunks.append(Array(edits[start...end]))
    return hunks
  }
}
