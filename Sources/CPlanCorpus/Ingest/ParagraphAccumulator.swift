/// Builds paragraphs from source lines: each line is reduced to plain words and the lines are
/// joined with `\n`, so a paragraph's text has one line per source line. A line that reduces to
/// nothing (a table border, a lone `::`) ends the paragraph.
struct ParagraphAccumulator {
  private let format: DocumentFormat
  private var buffer: [UInt8] = []
  private var scratch: [UInt8] = []
  private var firstLine = 0
  /// Whether a line was added since the last flush (even one that reduced to nothing).
  private(set) var isOpen = false

  init(format: DocumentFormat) {
    self.format = format
    buffer.reserveCapacity(1024)
    scratch.reserveCapacity(256)
  }

  /// Adds the bytes `range` of `bytes`, from 1-based `line`.
  mutating func add(
    _ bytes: [UInt8], _ range: Range<Int>, line: Int, builder: inout SectionBuilder,
    owner: SectionOwner
  ) {
    isOpen = true
    scratch.removeAll(keepingCapacity: true)
    PlainText.reduce(bytes, range, format: format, into: &scratch)
    if scratch.isEmpty {
      emit(builder: &builder, owner: owner)
      return
    }
    if buffer.isEmpty {
      firstLine = line
    } else {
      buffer.append(0x0A)
    }
    buffer.append(contentsOf: scratch)
  }

  /// Adds already reduced text as a paragraph line.
  mutating func addReduced(
    _ text: [UInt8], line: Int, builder: inout SectionBuilder, owner: SectionOwner
  ) {
    isOpen = true
    if text.isEmpty {
      emit(builder: &builder, owner: owner)
      return
    }
    if buffer.isEmpty {
      firstLine = line
    } else {
      buffer.append(0x0A)
    }
    buffer.append(contentsOf: text)
  }

  /// Ends the paragraph and gives it to `owner`'s section.
  mutating func flush(builder: inout SectionBuilder, owner: SectionOwner) {
    emit(builder: &builder, owner: owner)
    isOpen = false
  }

  private mutating func emit(builder: inout SectionBuilder, owner: SectionOwner) {
    guard !buffer.isEmpty else { return }
    builder.add(
      Paragraph(line: firstLine, text: String(decoding: buffer, as: UTF8.self)), to: owner)
    buffer.removeAll(keepingCapacity: true)
  }
}
