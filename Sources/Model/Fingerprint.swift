import Foundation

extension Procedure {
  /// A short hash of the model's canonical JSON: 16 hex digits (FNV-1a, 64
  /// bits). Two scripts with the same fingerprint were generated from the same
  /// model, so state written by one may be resumed by the other.
  public var fingerprint: String {
    let data = (try? Self.canonicalEncoder.encode(self)) ?? Data()
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in data {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }

  /// Sorted keys, no escaped slashes, indented: the one JSON form of a model.
  public static var canonicalEncoder: JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return encoder
  }
}
