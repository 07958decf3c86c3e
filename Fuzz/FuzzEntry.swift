// libFuzzer entry for cplan's readers, built by Scripts/fuzz (not a SwiftPM target): the
// library sources are compiled into one module with this file, so internal decoders are
// reachable. The first byte of an input chooses the reader; the rest is its input. With
// CPLAN_FUZZ_READER set to one of those bytes, every input goes to that reader (per-reader
// execution counts, `Scripts/fuzz --reader`).
import Foundation

private let forcedReader: UInt8? = ProcessInfo.processInfo.environment["CPLAN_FUZZ_READER"]?
  .utf8.first

@_cdecl("LLVMFuzzerTestOneInput")
public func cplanFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard size > 0 else { return 0 }
  let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
  switch forcedReader ?? data[0] {
  case UInt8(ascii: "y"): fuzzConstraints(bytes)
  case UInt8(ascii: "s"): fuzzSpec(bytes)
  case UInt8(ascii: "h"): _ = try? HarnessTask(data: Data(bytes), path: "fuzz.json")
  case UInt8(ascii: "c"): fuzzCSV(bytes)
  case UInt8(ascii: "p"): _ = Patch.parse(Data(bytes))
  case UInt8(ascii: "d"): fuzzIngest(bytes)
  default: break
  }
  return 0
}

/// YAML, then whatever the document is: manifest (and its variants), pack or corpus registry.
func fuzzConstraints(_ bytes: [UInt8]) {
  let loaded = YAMLLoader.load(bytes: bytes, file: "fuzz.yaml", limits: .standard)
  guard let root = loaded.root else { return }
  let context = DecodeContext()
  switch FileKind.classify(root) {
  case .manifest: _ = Manifest.decode(root, file: "fuzz.yaml", in: context)?.variants
  case .pack: _ = RulePack.decode(root, file: "fuzz.yaml", in: context)
  case .corpora: _ = CorporaConfig.decode(root, file: "fuzz.yaml", in: context)
  default: break
  }
}

/// An OpenAPI document: digest, checklist and implications.
func fuzzSpec(_ bytes: [UInt8]) {
  let (digest, _) = SpecDigest.load(string: String(decoding: bytes, as: UTF8.self), file: "fuzz.yaml")
  _ = digest?.planItems(prefix: "/api")
}

/// A Newman CSV report, and the same bytes as a harness summary table (global_stats.csv).
func fuzzCSV(_ bytes: [UInt8]) {
  if let table = try? CSVTable(parsing: String(decoding: bytes, as: UTF8.self)) {
    _ = try? NewmanReport(table: table)
  }
  let path = NSTemporaryDirectory() + "cplan-fuzz-summary-\(getpid()).csv"
  guard FileManager.default.createFile(atPath: path, contents: Data(bytes)),
    let summary = try? SummaryTable(contentsOf: path)
  else { return }
  _ = SummaryReport(summary)
  _ = SummaryCheck.checks(summary)
}

/// A documentation file in each format.
func fuzzIngest(_ bytes: [UInt8]) {
  for (path, format) in [
    ("doc.md", DocumentFormat.markdown), ("doc.mdx", .markdown), ("doc.rst", .restructuredText),
    ("doc.html", .html),
  ] {
    _ = DocumentIngester.sections(
      of: bytes, path: path, corpus: "fuzz", format: format, includeRoot: nil)
  }
}
