import Model

/// Decodes a model type from a parsed `JSONValue`, strictly: a key the
/// type does not have is an error (with the nearest key it does have), an
/// enumeration value outside the type's cases lists them, and a fraction
/// where a whole number is needed is refused.
///
/// The known keys of an object are the keys its type's `init(from:)` asks
/// for while decoding it: `decode`, `decodeIfPresent` and `contains` record
/// the key, present or not, on the object being decoded. So the set is the
/// type's own `CodingKeys` (synthesized or written by hand, optional fields
/// included) and cannot drift from the model; a key no decoder asked about
/// is unknown. `Action` decodes its `kind` and its payload's fields from one
/// object, so both count. An enumeration's values come from its
/// `CaseIterable` cases.
final class StrictDecoder {
  let root: JSONValue
  private let bytes: [UInt8]
  /// For each object decoded, by its offset: the keys its type asked for.
  private var asked: [Int: Set<String>] = [:]
  /// For each object decoded, by its offset: the model type it was decoded
  /// as (`Step`, `Action`) and its path, the first time it was.
  private(set) var decodedTypes: [Int: (type: String, path: JSONPath)] = [:]
  /// Deprecated forms the file uses, each a line such as
  /// `at phases[0]...timeoutSeconds: ... (line 9, column 11)`, in file order.
  private(set) var deprecations: [(offset: Int, text: String)] = []

  init(_ root: JSONValue, bytes: [UInt8]) {
    self.root = root
    self.bytes = bytes
  }

  func decode<T: Decodable>(_ type: T.Type) throws -> T {
    try decode(type, from: root, at: [])
  }

  func location(_ offset: Int) -> SourceLocation { SourceLocation(offset: offset, in: bytes) }

  func noteAsked(_ key: String, in object: JSONValue) {
    asked[object.offset, default: []].insert(key)
  }

  func noteVisited(_ object: JSONValue) { asked[object.offset, default: []].formUnion([]) }

  func noteDecoding(_ type: Any.Type, _ value: JSONValue, at path: [any CodingKey]) {
    guard case .object = value.kind, decodedTypes[value.offset] == nil else { return }
    decodedTypes[value.offset] = (String(describing: type), JSONPath(path))
  }

  /// The keys the type of the object at `offset` asked for.
  func askedKeys(at offset: Int) -> Set<String> { asked[offset] ?? [] }

  /// The value at `codingPath`, or the deepest value on the way to it.
  func value(at codingPath: [any CodingKey]) -> JSONValue {
    var value = root
    for key in codingPath {
      switch value.kind {
      case .object(let object):
        guard let member = object[key.stringValue] else { return value }
        value = member.value
      case .array(let elements):
        guard let index = key.intValue, elements.indices.contains(index) else { return value }
        value = elements[index]
      default: return value
      }
    }
    return value
  }

  /// A key of the object at `codingPath` that its type did not ask for and
  /// that looks like `key`: the likely misspelling of a missing field.
  func misspelling(of key: String, at codingPath: [any CodingKey]) -> String? {
    guard case .object(let object) = value(at: codingPath).kind else { return nil }
    let asked = self.asked[value(at: codingPath).offset] ?? []
    let candidates = object.members.map(\.key).filter { $0 != key && !asked.contains($0) }
    return candidates.first { Suggestion.closest(to: $0, in: [key]) != nil }
  }

  /// The first key, in the order of the file, that no type asked for. Keys
  /// in `topLevelExtras` are allowed at the top level, as strings.
  func firstUnknownField(topLevelExtras: Set<String>) -> ProcedureFileProblem? {
    visit(root, path: JSONPath(), extras: topLevelExtras)
  }

  private func visit(_ value: JSONValue, path: JSONPath, extras: Set<String>)
    -> ProcedureFileProblem?
  {
    switch value.kind {
    case .object(let object):
      let known = asked[value.offset] ?? []
      for member in object.members {
        let memberPath = path.appending(.key(member.key))
        if extras.contains(member.key) {
          guard case .string = member.value.kind else {
            return .wrongType(
              expected: "a string", found: member.value.description,
              path: memberPath.description, location(member.value.offset))
          }
          continue
        }
        guard known.contains(member.key) else {
          return .unknownField(
            member.key, path: path.description, location(member.keyOffset),
            suggestion: Self.nearest(to: member.key, in: known), known: known.sorted())
        }
        if let problem = visit(member.value, path: memberPath, extras: []) { return problem }
      }
    case .array(let elements):
      for (index, element) in elements.enumerated() {
        if let problem = visit(element, path: path.appending(.index(index)), extras: []) {
          return problem
        }
      }
    case .string, .number, .bool, .null:
      break
    }
    return nil
  }

  /// The known key a mistyped one most likely meant: the closest by edit
  /// distance (`destroy` → `destroys`, `IsSecret` → `isSecret`), else the
  /// one that shares the longest start of at least five characters
  /// (`destructive` → `destroys`).
  static func nearest(to key: String, in known: Set<String>) -> String? {
    let candidates = known.sorted()
    if let close = Suggestion.closest(to: key, in: candidates) { return close }
    let lower = Array(key.lowercased())
    let scored = candidates.map { candidate in
      (candidate, zip(lower, candidate.lowercased()).prefix { $0 == $1 }.count)
    }
    guard let best = scored.max(by: { $0.1 < $1.1 }), best.1 >= 5 else { return nil }
    return best.0
  }
}

extension StrictDecoder: DeprecatedFormReporter {
  func deprecated(at codingPath: [any CodingKey], _ advice: String) {
    let value = value(at: codingPath)
    deprecations.append(
      (value.offset, "at \(JSONPath(codingPath)): \(advice) (\(location(value.offset)))"))
  }
}
