extension PlainText {
  /// Reduces a trimmed reStructuredText line.
  static func reduceRST(_ bytes: Bytes, _ lower: Int, _ upper: Int, into out: inout PlainWriter) {
    var lower = skipBullet(bytes, lower, upper)
    var upper = upper
    var trailingColon = false
    if upper - lower >= 2 && bytes[upper - 1] == 0x3A && bytes[upper - 2] == 0x3A {
      upper -= 2
      trailingColon = upper > lower && !isSpace(bytes[upper - 1])
    }
    if lower < upper && bytes[lower] == 0x3A, let close = fieldNameEnd(bytes, lower, upper) {
      out.text(bytes, lower + 1, close)
      out.byte(0x3A)
      out.space()
      lower = close + 1
    }
    var scanner = RSTInlineScanner(bytes: bytes, lower: lower, upper: upper)
    scanner.scan(into: &out)
    if trailingColon {
      out.finish()
      if !out.isEmpty { out.byte(0x3A) }
    }
  }

  /// The index of the colon closing a field name (`:param x:`), when the line starts with one.
  static func fieldNameEnd<Source: ByteSource>(_ bytes: Source, _ lower: Int, _ upper: Int)
    -> Int?
  {
    guard lower + 2 < upper, !isSpace(bytes[lower + 1]), bytes[lower + 1] != 0x3A else {
      return nil
    }
    var index = lower + 1
    while index < upper {
      let byte = bytes[index]
      if byte == 0x60 { return nil }
      if byte == 0x3A && !isSpace(bytes[index - 1])
        && (index + 1 == upper || isSpace(bytes[index + 1]))
      {
        return index
      }
      index += 1
    }
    return nil
  }
}

/// Scans one line of reStructuredText inline markup, writing its plain words.
struct RSTInlineScanner {
  let bytes: Bytes
  let lower: Int
  let upper: Int
  /// Set once a search for a closing ` `` ` failed: later ones fail too.
  private var noLiteralClose = false
  private var noBacktickClose = false
  private var sawBacktick = false

  init(bytes: Bytes, lower: Int, upper: Int) {
    self.bytes = bytes
    self.lower = lower
    self.upper = upper
  }

  mutating func scan(into out: inout PlainWriter) {
    var index = lower
    while index < upper {
      var run = index
      while run < upper && !Self.isMarkup(bytes[run]) { run += 1 }
      if run > index { out.text(bytes, index, run) }
      guard run < upper else { return }
      index = run
      let byte = bytes[index]
      switch byte {
      case 0x5C:  // backslash escape
        if index + 1 < upper && !isSpace(bytes[index + 1]) { out.byte(bytes[index + 1]) }
        index += 2
      case 0x60:
        index = backtick(at: index, into: &out)
      case 0x3A:
        if let open = roleOpen(at: index) {
          index = role(open: open, into: &out)
        } else {
          out.byte(byte)
          index += 1
        }
      case 0x2A:
        index = emphasis(at: index, into: &out)
      case 0x5F:
        index = underscore(at: index, into: &out)
      default:
        index = footnoteReference(at: index, into: &out)
      }
    }
  }

  @inline(__always) private static func isMarkup(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x5C, 0x60, 0x3A, 0x2A, 0x5F, 0x5B: return true
    default: return false
    }
  }

  private mutating func find(_ byte: UInt8, from start: Int) -> Int? {
    var index = start
    while index < upper {
      if bytes[index] == byte { return index }
      index += 1
    }
    return nil
  }

  private mutating func backtick(at index: Int, into out: inout PlainWriter) -> Int {
    defer { sawBacktick = true }
    if index + 1 < upper && bytes[index + 1] == 0x60 {
      if !noLiteralClose {
        var close = index + 2
        while close + 1 < upper && !(bytes[close] == 0x60 && bytes[close + 1] == 0x60) {
          close += 1
        }
        if close + 1 < upper {
          while close + 2 < upper && bytes[close + 2] == 0x60 { close += 1 }
          out.text(bytes, index + 2, close)
          return close + 2
        }
        noLiteralClose = true
      }
      return index + 2
    }
    let after: UInt8 = index + 1 < upper ? bytes[index + 1] : 0x20
    if !sawBacktick && index > lower && !isSpace(bytes[index - 1]) && !isWordByte(after) {
      // The end of a reference that started on an earlier line: drop its ` <target>`.
      dropTrailingTarget(&out)
      return skipUnderscores(index + 1)
    }
    if !noBacktickClose, let close = find(0x60, from: index + 1) {
      reference(content: (index + 1)..<close, into: &out)
      return skipUnderscores(close + 1)
    }
    noBacktickClose = true
    return index + 1
  }

  private func skipUnderscores(_ index: Int) -> Int {
    var index = index
    while index < upper && index - 1 >= 0 && bytes[index] == 0x5F { index += 1 }
    return index
  }

  private func dropTrailingTarget(_ out: inout PlainWriter) {
    guard let last = out.bytes.last, last == 0x3E else { return }
    var index = out.bytes.count - 1
    while index > out.base && out.bytes[index] != 0x3C { index -= 1 }
    guard out.bytes[index] == 0x3C else { return }
    out.bytes.removeSubrange(index...)
    out.finish()
  }

  /// The index of the backtick opening a role's content, when `:name:` at `index` is a role.
  private func roleOpen(at index: Int) -> Int? {
    if index > lower && isWordByte(bytes[index - 1]) { return nil }
    var cursor = index + 1
    var nameStart = cursor
    let limit = min(upper, index + 64)  // role names are short
    while cursor < limit {
      let byte = bytes[cursor]
      if isWordByte(byte) || byte == 0x2D || byte == 0x5F || byte == 0x2E || byte == 0x2B {
        cursor += 1
      } else if byte == 0x3A && cursor > nameStart {
        if cursor + 1 < upper && bytes[cursor + 1] == 0x60 { return cursor + 1 }
        cursor += 1
        nameStart = cursor
      } else {
        return nil
      }
    }
    return nil
  }

  private mutating func role(open: Int, into out: inout PlainWriter) -> Int {
    sawBacktick = true
    guard !noBacktickClose, let close = find(0x60, from: open + 1) else {
      noBacktickClose = true
      reference(content: (open + 1)..<upper, into: &out, shorten: true)
      return upper
    }
    reference(content: (open + 1)..<close, into: &out, shorten: true)
    return close + 1
  }

  /// Writes `text <target>` as `text`; with `shorten`, `~a.b.c` as `c` and `!x` as `x`.
  private func reference(content: Range<Int>, into out: inout PlainWriter, shorten: Bool = false) {
    var lower = content.lowerBound
    var upper = content.upperBound
    if upper > lower && bytes[upper - 1] == 0x3E {
      var open = upper - 1
      while open > lower && bytes[open] != 0x3C { open -= 1 }
      if bytes[open] == 0x3C {
        var textEnd = open
        while textEnd > lower && isSpace(bytes[textEnd - 1]) { textEnd -= 1 }
        if textEnd > lower {
          upper = textEnd
        } else {
          lower = open + 1
          upper -= 1
        }
      }
    }
    if shorten && lower < upper && bytes[lower] == 0x21 { lower += 1 }
    if shorten && lower < upper && bytes[lower] == 0x2E { lower += 1 }  // `.Name`: Sphinx search
    if shorten && lower < upper && bytes[lower] == 0x5F {
      // SQLAlchemy's module aliases: `_orm.Session` shows as `Session`.
      var dot = lower + 1
      while dot < upper && (isWordByte(bytes[dot]) || bytes[dot] == 0x5F) { dot += 1 }
      if dot < upper && bytes[dot] == 0x2E && dot + 1 < upper { lower = dot + 1 }
    }
    if shorten && lower < upper && bytes[lower] == 0x7E {
      lower += 1
      var end = lower
      while end < upper && bytes[end] != 0x28 { end += 1 }
      var dot = end
      while dot > lower && bytes[dot - 1] != 0x2E { dot -= 1 }
      lower = dot
    }
    out.text(bytes, lower, upper)
  }

  private func emphasis(at index: Int, into out: inout PlainWriter) -> Int {
    var end = index
    while end < upper && bytes[end] == 0x2A { end += 1 }
    let before: UInt8 = index > lower ? bytes[index - 1] : 0x20
    let after: UInt8 = end < upper ? bytes[end] : 0x20
    let opens = !isWordByte(before) && !isSpace(after)
    let closes = !isSpace(before) && !isWordByte(after)
    if end - index <= 2 && (opens || closes) && !(isSpace(before) && isSpace(after)) {
      return end
    }
    out.text(bytes, index, end)
    return end
  }

  /// Drops the `_` or `__` ending a reference name (`Jinja2_`), keeping `__init__` and URLs.
  private func underscore(at index: Int, into out: inout PlainWriter) -> Int {
    var end = index
    while end < upper && bytes[end] == 0x5F { end += 1 }
    let after: UInt8 = end < upper ? bytes[end] : 0x20
    if end - index <= 2 && index > lower && isWordByte(bytes[index - 1]) && !isWordByte(after)
      && after != 0x5F && after != 0x2F
    {
      var start = index - 1
      while start > lower && !isSpace(bytes[start - 1]) { start -= 1 }
      if bytes[start] != 0x5F && !containsScheme(start, index) { return end }
    }
    out.text(bytes, index, end)
    return end
  }

  private func containsScheme(_ lower: Int, _ upper: Int) -> Bool {
    var index = lower
    while index + 2 < upper {
      if bytes[index] == 0x3A && bytes[index + 1] == 0x2F && bytes[index + 2] == 0x2F {
        return true
      }
      index += 1
    }
    return false
  }

  /// Drops footnote and citation references (`[1]_`, `[#]_`, `[#note]_`, `[*]_`).
  private func footnoteReference(at index: Int, into out: inout PlainWriter) -> Int {
    var close = index + 1
    while close < upper && close - index < 40 && bytes[close] != 0x5D && !isSpace(bytes[close]) {
      close += 1
    }
    if close < upper && bytes[close] == 0x5D && close > index + 1 && close + 1 < upper
      && bytes[close + 1] == 0x5F
    {
      let first = bytes[index + 1]
      if first == 0x23 || first == 0x2A || isDigit(first) {
        out.finish()
        return skipUnderscores(close + 1)
      }
    }
    out.byte(0x5B)
    return index + 1
  }
}
