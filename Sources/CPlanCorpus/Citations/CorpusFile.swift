import Foundation

/// One corpus file prepared for quote lookups: its key with and without spaces.
struct CorpusFile {
  private let format: DocumentFormat
  private let spaced: NormalizedText
  private let compact: NormalizedText

  /// Prepares a file's text.
  /// - Parameters:
  ///   - text: the whole file; lines end with `\n` or `\r\n`.
  ///   - format: the markup it is written in.
  init(text: String, format: DocumentFormat) {
    self.format = format
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
    }
    spaced = NormalizedText(sourceLines: lines, format: format, spaced: true)
    compact = NormalizedText(sourceLines: lines, format: format, spaced: false)
  }

  /// Every place the quote occurs: matched word by word first, and only when that finds
  /// nothing, letter by letter with spaces ignored. The quote is reduced like the file's lines,
  /// so it may be written in plain words or with the file's markup. Nil when the quote has no
  /// letters or digits.
  func occurrences(of quote: String) -> [NormalizedText.Occurrence]? {
    let quote = quote.split(whereSeparator: \.isNewline)
      .map { QuoteNormalizer.reduce(String($0), format: format) }.joined(separator: " ")
    let words = NormalizedText.key(ofQuote: quote, spaced: true)
    guard !words.isEmpty else { return nil }
    let found = spaced.occurrences(of: words, spaced: true)
    if !found.isEmpty { return found }
    return compact.occurrences(of: NormalizedText.key(ofQuote: quote, spaced: false), spaced: false)
  }
}

/// Corpus files read during one check, each read and prepared once.
struct CorpusFileCache {
  private var files: [String: CorpusFile?] = [:]

  /// The prepared file at `url`, or nil when it is missing, a folder or unreadable.
  mutating func file(at url: URL, format: DocumentFormat) -> CorpusFile? {
    let key = url.standardizedFileURL.path
    if let cached = files[key] { return cached }
    var isFolder: ObjCBool = false
    var prepared: CorpusFile?
    if FileManager.default.fileExists(atPath: key, isDirectory: &isFolder), !isFolder.boolValue,
      let data = FileManager.default.contents(atPath: key)
    {
      prepared = CorpusFile(text: String(decoding: data, as: UTF8.self), format: format)
    }
    files[key] = .some(prepared)
    return prepared
  }
}
