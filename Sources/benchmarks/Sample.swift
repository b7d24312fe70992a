import Foundation

/// Repeated measurements of one figure: its median and its spread.
struct Sample {
  var values: [Double] = []

  var median: Double { Benchmarks.median(values) }
  var minimum: Double { values.min() ?? .nan }
  var maximum: Double { values.max() ?? .nan }

  /// `12.3 ms (11.9 – 14.0)`: the median, then the least and the greatest.
  func milliseconds(digits: Int = 1) -> String {
    let format = "%.\(digits)f"
    return
      "\(String(format: format, median * 1000)) (\(String(format: format, minimum * 1000)) – \(String(format: format, maximum * 1000)))"
  }

  /// The same in microseconds, for per-step figures.
  func microseconds() -> String {
    "\(String(format: "%.0f", median * 1e6)) (\(String(format: "%.0f", minimum * 1e6)) – \(String(format: "%.0f", maximum * 1e6)))"
  }
}

enum Benchmarks {
  static func median(_ values: [Double]) -> Double {
    guard !values.isEmpty else { return .nan }
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }
}

func median(_ values: [Double]) -> Double { Benchmarks.median(values) }
