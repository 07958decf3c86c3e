import Foundation

/// Reduces one line of documentation markup to plain words, and turns text into the key that
/// citation checks compare: lower-case letters and digits, words separated by single spaces.
///
/// Lines are reduced with the ingester's `PlainText.reduce`; the key then drops every character
/// that is not a letter, a digit or whitespace, so markup the reducer leaves behind never matters.
enum QuoteNormalizer {
  /// The format a corpus file is read as, from its extension (Django's `.txt` docs are rst).
  static func format(ofPath path: String) -> DocumentFormat {
    switch (path as NSString).pathExtension.lowercased() {
    case "rst", "txt", "rest": .restructuredText
    case "md", "markdown": .markdown
    case "html", "htm": .html
    default: .text
    }
  }

  /// The line with its markup reduced to the words a reader sees (the ingester's reduction,
  /// so quotes compare the way mined sentences were written).
  /// - Parameters:
  ///   - line: one source line.
  ///   - format: the document's format.
  static func reduce(_ line: String, format: DocumentFormat) -> String {
    PlainText.reduce(line, format: format)
  }

  /// The comparison key of a text: lower-cased letters and digits, other characters removed,
  /// whitespace collapsed to single spaces, trimmed.
  static func key(_ text: String) -> String {
    var output: [UInt8] = []
    output.reserveCapacity(text.utf8.count)
    var pendingSpace = false
    for character in text {
      if let ascii = character.asciiValue {
        switch ascii {
        case 0x30...0x39, 0x61...0x7A: break
        case 0x41...0x5A:
          if pendingSpace { output.append(0x20) }
          pendingSpace = false
          output.append(ascii + 0x20)
          continue
        case 0x09...0x0D, 0x20:
          pendingSpace = !output.isEmpty
          continue
        default: continue
        }
        if pendingSpace { output.append(0x20) }
        pendingSpace = false
        output.append(ascii)
      } else if character.isWhitespace {
        pendingSpace = !output.isEmpty
      } else if character.isLetter || character.isNumber {
        if pendingSpace { output.append(0x20) }
        pendingSpace = false
        output += Array(character.lowercased().utf8)
      }
    }
    return String(decoding: output, as: UTF8.self)
  }
}
