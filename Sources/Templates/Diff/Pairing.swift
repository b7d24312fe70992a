/// How two lists of values are paired into changes `(old, new)`, each pair
/// different, nil on the side that lacks the value.
enum Pairing {
  typealias Pair<T> = (old: T?, new: T?)

  /// Element by element: `[a, b]` to `[a, c, d]` gives `(b, c)`, `(nil, d)`.
  static func byPosition<T: Equatable>(_ old: [T], _ new: [T]) -> [Pair<T>] {
    (0..<max(old.count, new.count)).compactMap { index in
      let before = index < old.count ? old[index] : nil
      let after = index < new.count ? new[index] : nil
      return before == after ? nil : (before, after)
    }
  }

  /// Removed values, then added ones, order kept: `[a, b]` to `[b, c]`
  /// gives `(a, nil)`, `(nil, c)`.
  static func bySet<T: Equatable>(_ old: [T], _ new: [T]) -> [Pair<T>] {
    old.filter { !new.contains($0) }.map { ($0, nil) }
      + new.filter { !old.contains($0) }.map { (nil, $0) }
  }

  /// Matched by a key; a key in both with different values gives one pair:
  /// corrections by title, pins by tool.
  static func byKey<T: Equatable, K: Hashable>(
    _ old: [T], _ new: [T], key: (T) -> K
  ) -> [Pair<T>] {
    let oldKeys = Set(old.map(key))
    let newByKey = Dictionary(new.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
    var pairs: [Pair<T>] = []
    for value in old {
      if let after = newByKey[key(value)] {
        if after != value { pairs.append((value, after)) }
      } else {
        pairs.append((value, nil))
      }
    }
    pairs += new.filter { !oldKeys.contains(key($0)) }.map { (nil, $0) }
    return pairs
  }

  /// Removed and added texts, where a removed text and an added one that
  /// share most of their words are one reworded text: limitations,
  /// accesses.
  static func byWords(_ old: [String], _ new: [String]) -> [Pair<String>] {
    var removed = old.filter { !new.contains($0) }
    var pairs: [Pair<String>] = []
    for text in new where !old.contains(text) {
      let words = StepMatching.words(of: text)
      let best = removed.indices.max {
        StepMatching.dice(StepMatching.words(of: removed[$0]), words)
          < StepMatching.dice(StepMatching.words(of: removed[$1]), words)
      }
      if let best, StepMatching.dice(StepMatching.words(of: removed[best]), words) >= 0.5 {
        pairs.append((removed.remove(at: best), text))
      } else {
        pairs.append((nil, text))
      }
    }
    return removed.map { ($0, nil) } + pairs
  }
}
