import CLibYAML
import CPlanCore

/// Builds positioned nodes from libyaml events with an explicit stack (no recursion), resolving
/// aliases and `<<` merge keys, and reporting duplicates and limit breaches.
struct NodeBuilder {
  let file: String
  let limits: YAMLLimits
  let positions: TextPosition
  private(set) var diagnostics: [Diagnostic] = []
  /// Set when the document could not be built at all.
  private(set) var fatal = false

  private struct Frame {
    var isMapping: Bool
    var start: SourceLocation
    var tag: String?
    var anchor: String?
    var items: [YAMLNode] = []
    var weight = 1
  }

  private var stack: [Frame] = []
  private var anchors: [String: (node: YAMLNode, weight: Int)] = [:]
  private var aliasExpansion = 0
  private var nodes = 0
  private var documents = 0
  private var root: YAMLNode?

  init(file: String, limits: YAMLLimits, positions: TextPosition) {
    self.file = file
    self.limits = limits
    self.positions = positions
  }

  /// libyaml's lines mapped to an editor's, when the text breaks lines at U+0085, U+2028 or
  /// U+2029 (see `TextPosition.libyamlLines`).
  private var lineMap: [(line: Int, columnOffset: Int)]?

  private func location(_ mark: yaml_mark_t) -> SourceLocation {
    let line = Int(mark.line)
    let column = Int(mark.column)
    if let lineMap, line < lineMap.count {
      let mapped = lineMap[line]
      return SourceLocation(file: file, line: mapped.line + 1, column: mapped.columnOffset + column + 1)
    }
    return SourceLocation(file: file, line: line + 1, column: column + 1)
  }

  private static func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
    guard let pointer else { return nil }
    return String(cString: pointer)
  }

  /// Parses the whole input; returns the root of its single document, if any.
  mutating func parse(_ bytes: [UInt8]) -> YAMLNode? {
    lineMap = TextPosition.libyamlLines(bytes)
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else {
      fail(.error("yaml-syntax", "libyaml could not start", at: .start(of: file)))
      return nil
    }
    defer { yaml_parser_delete(&parser) }
    return bytes.withUnsafeBufferPointer { buffer -> YAMLNode? in
      yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
      yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
      var event = yaml_event_t()
      while !fatal {
        guard yaml_parser_parse(&parser, &event) == 1 else {
          reportParserError(parser, bytes: bytes)
          return nil
        }
        let done = event.type == YAML_STREAM_END_EVENT
        handle(event)
        yaml_event_delete(&event)
        if done { break }
      }
      return fatal ? nil : root
    }
  }

  private mutating func fail(_ diagnostic: Diagnostic) {
    diagnostics.append(diagnostic)
    fatal = true
  }

  private mutating func handle(_ event: yaml_event_t) {
    switch event.type {
    case YAML_DOCUMENT_START_EVENT:
      documents += 1
      if documents > 1 {
        fail(
          .error(
            "yaml-multiple-documents", "file holds more than one YAML document",
            at: location(event.start_mark), suggestion: "keep one document per file"))
      }
    case YAML_SCALAR_EVENT:
      let data = event.data.scalar
      let text = data.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: data.length), as: UTF8.self) } ?? ""
      let node = YAMLNode(
        .scalar(YAMLScalar(text: text, style: Self.style(data.style))),
        start: location(event.start_mark), end: location(event.end_mark),
        tag: Self.text(data.tag))
      add(node, weight: 1, anchor: Self.text(data.anchor))
    case YAML_ALIAS_EVENT:
      let name = Self.text(event.data.alias.anchor) ?? ""
      guard let target = anchors[name] else {
        fail(
          .error(
            "yaml-unknown-anchor", "alias '*\(name)' names no anchor defined before it",
            at: location(event.start_mark)))
        return
      }
      aliasExpansion += target.weight
      if aliasExpansion > limits.maxAliasExpansion {
        fail(
          .error(
            "yaml-alias-limit",
            "aliases expand to more than \(limits.maxAliasExpansion) nodes",
            at: location(event.start_mark),
            suggestion: "write the repeated content out, or reference it fewer times"))
        return
      }
      var node = target.node
      node.start = location(event.start_mark)
      node.end = location(event.end_mark)
      add(node, weight: target.weight, anchor: nil)
    case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
      let isMapping = event.type == YAML_MAPPING_START_EVENT
      if stack.count >= limits.maxDepth {
        fail(
          .error(
            "yaml-depth-limit", "nesting is deeper than \(limits.maxDepth) levels",
            at: location(event.start_mark)))
        return
      }
      let anchor = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
      let tag = isMapping ? event.data.mapping_start.tag : event.data.sequence_start.tag
      stack.append(
        Frame(
          isMapping: isMapping, start: location(event.start_mark), tag: Self.text(tag),
          anchor: Self.text(anchor)))
    case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
      guard let frame = stack.popLast() else { return }
      let end = location(event.end_mark)
      let value: YAMLNode.Value =
        frame.isMapping ? .mapping(buildMapping(frame.items)) : .sequence(frame.items)
      add(YAMLNode(value, start: frame.start, end: end, tag: frame.tag), weight: frame.weight,
        anchor: frame.anchor)
    default:
      break
    }
  }

  private mutating func add(_ node: YAMLNode, weight: Int, anchor: String?) {
    nodes += 1
    if nodes > limits.maxNodes {
      fail(
        .error(
          "yaml-node-limit", "the document holds more than \(limits.maxNodes) values",
          at: node.start, suggestion: "split it; no manifest or pack comes near this"))
      return
    }
    if let anchor { anchors[anchor] = (node, weight) }
    if stack.isEmpty {
      if root == nil { root = node }
      return
    }
    stack[stack.count - 1].items.append(node)
    stack[stack.count - 1].weight += weight
  }

  /// Pairs up keys and values, reports duplicate and complex keys, and applies `<<` merges.
  private mutating func buildMapping(_ items: [YAMLNode]) -> [YAMLPair] {
    var pairs: [YAMLPair] = []
    var seen: [String: SourceLocation] = [:]
    var merged: [YAMLPair] = []
    var index = 0
    while index + 1 < items.count {
      let key = items[index]
      let value = items[index + 1]
      index += 2
      guard let keyText = key.scalar?.text else {
        diagnostics.append(
          .error(
            "yaml-complex-key", "mapping keys must be plain strings, found \(key.typeDescription)",
            at: key.start))
        continue
      }
      if keyText == "<<", key.scalar?.style == .plain {
        let sources = value.mapping.map { [$0] } ?? value.sequence?.compactMap(\.mapping) ?? []
        for source in sources { merged += source }
        continue
      }
      if let first = seen[keyText] {
        diagnostics.append(
          .error(
            "yaml-duplicate-key",
            "duplicate key '\(keyText)' (first defined at line \(first.line), column \(first.column))",
            at: key.start, suggestion: "remove one of the two entries",
            notes: [.init("'\(keyText)' first defined here", at: first)]))
        continue
      }
      seen[keyText] = key.start
      pairs.append(YAMLPair(key: key, value: value))
    }
    for pair in merged {
      guard let keyText = pair.key.scalar?.text, seen[keyText] == nil else { continue }
      seen[keyText] = pair.key.start
      pairs.append(pair)
    }
    return pairs
  }

  private static func style(_ style: yaml_scalar_style_t) -> YAMLScalar.Style {
    switch style {
    case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
    case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
    case YAML_LITERAL_SCALAR_STYLE: .literal
    case YAML_FOLDED_SCALAR_STYLE: .folded
    default: .plain
    }
  }

  /// Turns libyaml's error state into one diagnostic, recognising tabs used for indentation.
  private mutating func reportParserError(_ parser: yaml_parser_t, bytes: [UInt8]) {
    let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
    let context = parser.context.map { String(cString: $0) }
    var at: SourceLocation
    var offset: Int
    if parser.error == YAML_READER_ERROR {
      offset = Int(parser.problem_offset)
      at = positions.location(ofByte: offset)
    } else {
      offset = Int(parser.problem_mark.index)
      at = location(parser.problem_mark)
      offset = byteOffset(line: at.line, column: at.column, in: bytes) ?? -1
    }
    if offset >= 0, offset < bytes.count, bytes[offset] == 0x09 || problem.contains("tab") {
      fail(
        .error(
          "yaml-tab-indent", "tab character where YAML expects indentation or a token", at: at,
          suggestion: "indent with spaces; YAML forbids tabs in indentation"))
      return
    }
    var message = problem
    var notes: [Diagnostic.Note] = []
    if let context {
      message = "\(context), \(problem)"
      let contextAt = location(parser.context_mark)
      if contextAt != at { notes.append(.init(context, at: contextAt)) }
    }
    fail(.error("yaml-syntax", message, at: at, notes: notes))
  }

  /// The byte offset of a 1-based line and character column.
  private func byteOffset(line: Int, column: Int, in bytes: [UInt8]) -> Int? {
    var currentLine = 1
    var index = 0
    while currentLine < line, index < bytes.count {
      if bytes[index] == 0x0A { currentLine += 1 }
      index += 1
    }
    var currentColumn = 1
    while currentColumn < column, index < bytes.count {
      index += 1
      while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
      currentColumn += 1
    }
    return index < bytes.count ? index : nil
  }
}
