extension RSTParser {
  /// Handles the explicit markup block (`..`) at `index`: a label, a directive, a footnote, a
  /// substitution definition or a comment.
  /// - Parameters:
  ///   - markup: offset of the `..` (after a list bullet, for `* .. attribute:: X`).
  ///   - indent: the column of the `..`.
  /// - Returns: the first line after the block.
  mutating func explicitMarkup(
    at index: Int, markup: Int, indent: Int, limit: Int, context: inout Context, depth: Int
  ) -> Int {
    let bytes = lines.bytes
    let line = lines[index]
    var blockEnd = index + 1
    while blockEnd < limit && (lines[blockEnd].isBlank || lines[blockEnd].indent > indent) {
      blockEnd += 1
    }
    let start = PlainText.skipSpaces(bytes, markup + 2, line.trimmedEnd)
    let end = line.trimmedEnd
    guard start < end else {
      // An empty comment only swallows lines that follow it directly.
      return lines.isBlank(index + 1) ? index + 1 : blockEnd
    }
    switch bytes[start] {
    case 0x5F:
      if let label = label(start, end),
        !(index + 1 < limit && lines[index + 1].indent > indent)
      {
        setPending(anchor: label, line: index + 1, object: nil, context: &context)
      }
      return blockEnd
    case 0x5B:
      footnote(at: index, start: start, blockEnd: blockEnd, context: &context, depth: depth)
      return blockEnd
    case 0x7C:
      return blockEnd
    default:
      guard let (name, arguments) = directive(start, end) else { return blockEnd }
      directive(
        RSTDirective(name: name), arguments: arguments, at: index, blockEnd: blockEnd,
        context: &context, depth: depth)
      return blockEnd
    }
  }

  /// The name of an internal target `_name:` or `` _`name`: `` (nil for a link to an address).
  private func label(_ start: Int, _ end: Int) -> String? {
    let bytes = lines.bytes
    guard bytes[end - 1] == 0x3A, end - start >= 3 else { return nil }
    var lower = start + 1
    var upper = end - 1
    if bytes[lower] == 0x60 && upper - lower >= 2 && bytes[upper - 1] == 0x60 {
      lower += 1
      upper -= 1
    }
    guard upper > lower, !(upper - lower == 1 && bytes[lower] == 0x5F) else { return nil }
    for offset in lower..<upper where isSpace(bytes[offset]) && bytes[offset - 1] == 0x3A {
      return nil
    }
    return String(decoding: bytes[lower..<upper], as: UTF8.self)
  }

  /// Splits `name:: arguments`.
  private func directive(_ start: Int, _ end: Int) -> (String, Range<Int>)? {
    let bytes = lines.bytes
    var index = start
    while index + 1 < end {
      let byte = bytes[index]
      if byte == 0x3A && bytes[index + 1] == 0x3A {
        guard index > start, index + 2 == end || isSpace(bytes[index + 2]) else { return nil }
        let name = String(decoding: bytes[start..<index], as: UTF8.self)
        return (name, PlainText.skipSpaces(bytes, index + 2, end)..<end)
      }
      guard
        isWordByte(byte) || byte == 0x2D || byte == 0x5F || byte == 0x3A || byte == 0x2E
          || byte == 0x2B
      else { return nil }
      index += 1
    }
    return nil
  }

  private mutating func setPending(
    anchor: String, line: Int, object: (title: String, line: Int)?, context: inout Context
  ) {
    let first = context.pending?.firstLine ?? line
    context.pending = Pending(anchor: anchor, firstLine: first, object: object)
  }

  private mutating func footnote(
    at index: Int, start: Int, blockEnd: Int, context: inout Context, depth: Int
  ) {
    let bytes = lines.bytes
    let end = lines[index].trimmedEnd
    var close = start
    while close < end && bytes[close] != 0x5D { close += 1 }
    guard close < end else { return }
    resolvePending(&context)
    paragraphIndent = lines[index].indent
    paragraph.add(
      bytes, (close + 1)..<end, line: index + 1, builder: &builder, owner: context.owner)
    guard depth < Self.maximumDepth else { return }
    var inner = Context(
      base: context.base, owner: context.owner, pending: nil, topLevel: false)
    parseBody((index + 1)..<blockEnd, context: &inner, depth: depth + 1)
  }

  /// The first line after the lines directly below a directive that are not options
  /// (signature or argument continuation lines).
  private func argumentEnd(after index: Int, blockEnd: Int) -> Int {
    var cursor = index + 1
    while cursor < blockEnd && !lines[cursor].isBlank && !isOption(cursor) { cursor += 1 }
    return cursor
  }

  /// The first line after the option lines (`:name: value`) starting at `index`.
  private func optionsEnd(from index: Int, blockEnd: Int) -> Int {
    var cursor = index
    guard cursor < blockEnd, isOption(cursor) else { return cursor }
    let indent = lines[cursor].indent
    while cursor < blockEnd && !lines[cursor].isBlank
      && (isOption(cursor) || lines[cursor].indent > indent)
    {
      cursor += 1
    }
    return cursor
  }

  private func isOption(_ index: Int) -> Bool {
    let line = lines[index]
    return !line.isBlank && lines.bytes[line.text] == 0x3A
      && PlainText.fieldNameEnd(lines.bytes, line.text, line.trimmedEnd) != nil
  }

  private func hasContent(_ range: Range<Int>) -> Bool {
    lines.nextNonBlank(from: range.lowerBound, limit: range.upperBound) < range.upperBound
  }

  private mutating func directive(
    _ kind: RSTDirective, arguments: Range<Int>, at index: Int, blockEnd: Int,
    context: inout Context, depth: Int
  ) {
    let bytes = lines.bytes
    switch kind {
    case .skip:
      return
    case .highlight:
      highlight = RSTDirective.target(bytes, arguments.lowerBound, arguments.upperBound)
    case .code(let language):
      let contentStart = optionsEnd(from: index + 1, blockEnd: blockEnd)
      let language =
        language ?? RSTDirective.target(bytes, arguments.lowerBound, arguments.upperBound)
      addCode(contentStart..<blockEnd, language: language, context: &context)
    case .object(let name):
      guard let target = RSTDirective.target(bytes, arguments.lowerBound, arguments.upperBound)
      else {
        prose(
          arguments: nil, keepsOptions: true, at: index, blockEnd: blockEnd, context: &context,
          depth: depth)
        return
      }
      let anchor = name + "-" + target
      let contentStart = argumentEnd(after: index, blockEnd: blockEnd)
      guard hasContent(contentStart..<blockEnd) else {
        if context.pending?.object != nil { resolvePending(&context) }
        setPending(anchor: anchor, line: index + 1, object: (target, index + 1), context: &context)
        return
      }
      if context.pending?.object != nil { resolvePending(&context) }
      let owner = builder.makeOwner(headings: context.base.headings + [target], anchor: anchor)
      builder.open(owner, line: index + 1, physicalStart: context.pending?.firstLine)
      context.pending = nil
      guard depth < Self.maximumDepth else { return }
      var inner = Context(base: owner, owner: owner, pending: nil, topLevel: false)
      parseBody(contentStart..<blockEnd, context: &inner, depth: depth + 1)
    case .prose(let argumentIsProse, let keepsOptions):
      prose(
        arguments: argumentIsProse ? arguments : nil, keepsOptions: keepsOptions, at: index,
        blockEnd: blockEnd, context: &context, depth: depth)
    case .version:
      var lower = arguments.lowerBound
      while lower < arguments.upperBound && !isSpace(bytes[lower]) { lower += 1 }
      prose(
        arguments: PlainText.skipSpaces(bytes, lower, arguments.upperBound)..<arguments.upperBound,
        keepsOptions: true, at: index, blockEnd: blockEnd, context: &context, depth: depth)
    }
  }

  /// A directive whose content (and possibly arguments and options) stays prose of the current
  /// owner.
  private mutating func prose(
    arguments: Range<Int>?, keepsOptions: Bool, at index: Int, blockEnd: Int,
    context: inout Context, depth: Int
  ) {
    let contentStart = keepsOptions ? index + 1 : optionsEnd(from: index + 1, blockEnd: blockEnd)
    let hasArguments = arguments.map { !$0.isEmpty } ?? false
    guard hasArguments || hasContent(contentStart..<blockEnd) else { return }
    resolvePending(&context)
    if let arguments, hasArguments {
      // Text on the directive line; lines right below it continue the same paragraph.
      paragraphIndent = lines[index].indent
      paragraph.add(
        lines.bytes, arguments, line: index + 1, builder: &builder, owner: context.owner)
    }
    guard depth < Self.maximumDepth else { return }
    var inner = Context(base: context.base, owner: context.owner, pending: nil, topLevel: false)
    parseBody(contentStart..<blockEnd, context: &inner, depth: depth + 1)
  }
}
