/// An object's fields. Every key asked about, present or not, is recorded
/// as one the object's type knows.
struct KeyedNodeContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
  let node: JSONValue
  let object: JSONObject
  let codingPath: [any CodingKey]
  let strict: StrictDecoder

  var allKeys: [Key] { object.members.compactMap { Key(stringValue: $0.key) } }

  private func member(_ key: Key) -> JSONValue? {
    strict.noteAsked(key.stringValue, in: node)
    return object[key.stringValue]?.value
  }

  private func required(_ key: Key) throws -> JSONValue {
    guard let value = member(key) else {
      throw DecodingError.keyNotFound(
        key, DecodingError.Context(codingPath: codingPath, debugDescription: "missing"))
    }
    return value
  }

  func contains(_ key: Key) -> Bool { member(key) != nil }

  func decodeNil(forKey key: Key) throws -> Bool { try required(key).isNull }

  func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
    try strict.decode(type, from: required(key), at: codingPath + [key])
  }

  func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
    guard let value = member(key), !value.isNull else { return nil }
    return try strict.decode(type, from: value, at: codingPath + [key])
  }

  func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try field(type, key) }
  func decode(_ type: String.Type, forKey key: Key) throws -> String { try field(type, key) }
  func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try field(type, key) }
  func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try field(type, key) }
  func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try field(type, key) }
  func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try field(type, key) }
  func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try field(type, key) }
  func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try field(type, key) }
  func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try field(type, key) }
  func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try field(type, key) }
  func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try field(type, key) }
  func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try field(type, key) }
  func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try field(type, key) }
  func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try field(type, key) }

  private func field<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T {
    try strict.decode(type, from: required(key), at: codingPath + [key])
  }

  func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
    -> KeyedDecodingContainer<NestedKey>
  {
    try decoder(for: key).container(keyedBy: type)
  }

  func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
    try decoder(for: key).unkeyedContainer()
  }

  func superDecoder() throws -> any Decoder {
    NodeDecoder(value: node, codingPath: codingPath, strict: strict)
  }

  func superDecoder(forKey key: Key) throws -> any Decoder { try decoder(for: key) }

  private func decoder(for key: Key) throws -> NodeDecoder {
    NodeDecoder(value: try required(key), codingPath: codingPath + [key], strict: strict)
  }
}

/// A list's elements, in order.
struct UnkeyedNodeContainer: UnkeyedDecodingContainer {
  let elements: [JSONValue]
  let codingPath: [any CodingKey]
  let strict: StrictDecoder
  private(set) var currentIndex = 0

  init(elements: [JSONValue], codingPath: [any CodingKey], strict: StrictDecoder) {
    self.elements = elements
    self.codingPath = codingPath
    self.strict = strict
  }

  var count: Int? { elements.count }
  var isAtEnd: Bool { currentIndex >= elements.count }

  /// The index as a coding key: `phases[2]`.
  private struct Index: CodingKey {
    var intValue: Int?
    var stringValue: String { "\(intValue ?? 0)" }
    init(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
  }

  private mutating func next() throws -> (JSONValue, [any CodingKey]) {
    let path = codingPath + [Index(intValue: currentIndex)]
    guard !isAtEnd else {
      throw DecodingError.valueNotFound(
        Any.self, DecodingError.Context(codingPath: path, debugDescription: "the list ended"))
    }
    defer { currentIndex += 1 }
    return (elements[currentIndex], path)
  }

  mutating func decodeNil() throws -> Bool {
    guard !isAtEnd, elements[currentIndex].isNull else { return false }
    currentIndex += 1
    return true
  }

  mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
    let (value, path) = try next()
    return try strict.decode(type, from: value, at: path)
  }

  mutating func decode(_ type: Bool.Type) throws -> Bool { try element(type) }
  mutating func decode(_ type: String.Type) throws -> String { try element(type) }
  mutating func decode(_ type: Double.Type) throws -> Double { try element(type) }
  mutating func decode(_ type: Float.Type) throws -> Float { try element(type) }
  mutating func decode(_ type: Int.Type) throws -> Int { try element(type) }
  mutating func decode(_ type: Int8.Type) throws -> Int8 { try element(type) }
  mutating func decode(_ type: Int16.Type) throws -> Int16 { try element(type) }
  mutating func decode(_ type: Int32.Type) throws -> Int32 { try element(type) }
  mutating func decode(_ type: Int64.Type) throws -> Int64 { try element(type) }
  mutating func decode(_ type: UInt.Type) throws -> UInt { try element(type) }
  mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try element(type) }
  mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try element(type) }
  mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try element(type) }
  mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try element(type) }

  private mutating func element<T: Decodable>(_ type: T.Type) throws -> T {
    let (value, path) = try next()
    return try strict.decode(type, from: value, at: path)
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
    -> KeyedDecodingContainer<NestedKey>
  {
    let (value, path) = try next()
    return try NodeDecoder(value: value, codingPath: path, strict: strict).container(keyedBy: type)
  }

  mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
    let (value, path) = try next()
    return try NodeDecoder(value: value, codingPath: path, strict: strict).unkeyedContainer()
  }

  mutating func superDecoder() throws -> any Decoder {
    let (value, path) = try next()
    return NodeDecoder(value: value, codingPath: path, strict: strict)
  }
}
