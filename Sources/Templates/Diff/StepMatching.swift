import Model

/// Which step of the new version is which of the old: first by id, then,
/// among the steps left, by the similarity of their titles and commands.
/// Two left steps are linked when they are similar enough and nearly each
/// other's best match; linked steps form groups. A group of one old and one new step
/// that are alike is a rename; any other group is a replacement (one step by
/// two, two by one, or one by one too different to be a rename). What is
/// left is added or removed.
struct StepMatching {
  typealias Entry = (phase: Phase, step: Step)

  /// Steps of both versions that are the same step, `renamed` when the id
  /// changed; in the new version's order.
  var pairs: [(old: Entry, new: Entry, renamed: Bool)] = []
  var replaced: [(old: [Entry], new: [Entry])] = []
  var added: [Entry] = []
  var removed: [Entry] = []

  /// Similarity at which two left steps are linked at all.
  static let linkThreshold = 0.5
  /// How close to each step's best match a link must be.
  static let closeToBest = 0.8
  /// Similarity at which a one-to-one group is a rename, not a replacement.
  static let renameThreshold = 0.6

  init(old: [Entry], new: [Entry]) {
    let newIDs = Set(new.map(\.step.id))
    let oldByID = Dictionary(old.map { ($0.step.id, $0) }, uniquingKeysWith: { first, _ in first })
    let leftOld = old.filter { !newIDs.contains($0.step.id) }
    let leftNew = new.filter { oldByID[$0.step.id] == nil }
    let oldWords = leftOld.map { Self.words(of: $0.step) }
    let newWords = leftNew.map { Self.words(of: $0.step) }
    var similarity = [[Double]](
      repeating: [Double](repeating: 0, count: leftNew.count), count: leftOld.count)
    for i in leftOld.indices {
      for j in leftNew.indices { similarity[i][j] = Self.dice(oldWords[i], newWords[j]) }
    }
    // Groups of linked steps: old steps are 0..<n, new steps n..<n+m. Each
    // step links to its most similar counterpart, when that one finds it
    // nearly as similar as its own best: no step gathers the weak matches
    // of many.
    let bestOfOld = leftOld.indices.map { i in leftNew.indices.map { similarity[i][$0] }.max() ?? 0
    }
    let bestOfNew = leftNew.indices.map { j in leftOld.indices.map { similarity[$0][j] }.max() ?? 0
    }
    func linked(_ i: Int, _ j: Int) -> Bool {
      similarity[i][j] >= Self.linkThreshold
        && similarity[i][j] >= Self.closeToBest * max(bestOfOld[i], bestOfNew[j])
    }
    var group = UnionFind(leftOld.count + leftNew.count)
    for i in leftOld.indices {
      for j in leftNew.indices where linked(i, j) { group.join(i, leftOld.count + j) }
    }
    var renamedNew: [String: Entry] = [:]
    var seen = Set<Int>()
    for j in leftNew.indices {
      let root = group.root(leftOld.count + j)
      guard !seen.contains(root) else { continue }
      seen.insert(root)
      let olds = leftOld.indices.filter { group.root($0) == root }
      let news = leftNew.indices.filter { group.root(leftOld.count + $0) == root }
      if olds.isEmpty {
        added.append(leftNew[j])
      } else if olds.count == 1, news.count == 1, similarity[olds[0]][j] >= Self.renameThreshold {
        renamedNew[leftNew[j].step.id] = leftOld[olds[0]]
      } else {
        replaced.append((olds.map { leftOld[$0] }, news.map { leftNew[$0] }))
      }
    }
    // An old step in no group with a new step is removed.
    removed = leftOld.indices.filter { !seen.contains(group.root($0)) }.map { leftOld[$0] }
    for entry in new {
      if let before = oldByID[entry.step.id] {
        pairs.append((before, entry, false))
      } else if let before = renamedNew[entry.step.id] {
        pairs.append((before, entry, true))
      }
    }
  }

  /// The words of a step's title and commands.
  static func words(of step: Step) -> [String: Int] {
    words(of: ([step.title] + StepComparison.commandLines(step)).joined(separator: " "))
  }

  /// The lower-cased words of a text, with how often each occurs.
  static func words(of text: String) -> [String: Int] {
    var counts: [String: Int] = [:]
    for word in text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
      counts[String(word), default: 0] += 1
    }
    return counts
  }

  /// Dice's coefficient of two word counts: 1 for the same words, 0 for none
  /// in common.
  static func dice(_ a: [String: Int], _ b: [String: Int]) -> Double {
    let total = a.values.reduce(0, +) + b.values.reduce(0, +)
    guard total > 0 else { return 0 }
    let shared = a.reduce(0) { sum, entry in sum + min(entry.value, b[entry.key] ?? 0) }
    return Double(2 * shared) / Double(total)
  }
}

/// Disjoint sets of 0..<count, joined pairwise.
private struct UnionFind {
  private var parent: [Int]
  init(_ count: Int) { parent = Array(0..<count) }
  mutating func root(_ x: Int) -> Int {
    var x = x
    while parent[x] != x {
      parent[x] = parent[parent[x]]
      x = parent[x]
    }
    return x
  }
  mutating func join(_ a: Int, _ b: Int) { parent[root(a)] = root(b) }
}
