import Templates
import TestSupport
import Testing

@Suite struct LineDiffTests {
  @Test func identicalTextsHaveNoDiff() {
    #expect(LineDiff.unified(from: "a\nb\n", to: "a\nb\n", oldName: "x", newName: "y") == "")
  }

  @Test func aChangedLineGivesOneHunkWithContext() {
    let old = (1...10).map { "line \($0)" }.joined(separator: "\n") + "\n"
    let new = old.replacingOccurrences(of: "line 5\n", with: "line five\n")
    let diff = LineDiff.unified(from: old, to: new, oldName: "a/f", newName: "b/f")
    #expect(
      diff == """
        --- a/f
        +++ b/f
        @@ -2,7 +2,7 @@
         line 2
         line 3
         line 4
        -line 5
        +line five
         line 6
         line 7
         line 8

        """)
  }

  static let pairs: [(String, String)] = {
    let numbers = (1...20).map(String.init)
    var moved = numbers
    moved.insert("new", at: 0)
    moved.remove(at: 18)
    var appended = numbers
    appended.append(contentsOf: ["x", "y"])
    return [
      (numbers, moved), (numbers, appended), (numbers, Array(numbers.dropFirst(3))), ([], ["only"]),
      (["a", "b", "c"], ["c", "b", "a"]),
    ].map { ($0.0.map { $0 + "\n" }.joined(), $0.1.map { $0 + "\n" }.joined()) }
  }()

  @Test(arguments: pairs.indices)
  func hunksMatchDiffU(index: Int) throws {
    let (old, new) = Self.pairs[index]
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write(old, to: "old")
    try folder.write(new, to: "new")
    let diff = try #require(ProcessRunner.which("diff"))
    let reference = try ProcessRunner.run(diff, ["-u", folder.file("old"), folder.file("new")])
    let ours = LineDiff.unified(from: old, to: new, oldName: "old", newName: "new")
    let body = { (text: String) in text.split(separator: "\n").dropFirst(2).joined(separator: "\n")
    }
    #expect(body(ours) == body(reference.standardOutput))
  }
}
