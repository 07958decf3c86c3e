import Foundation

extension HarnessTask {
  /// The task's bytes with only the top-level `prompt` string replaced.
  ///
  /// Every byte outside the prompt's string literal is kept: key order, indentation, the other
  /// values, and the absence of a trailing newline. The new value is encoded as Python's
  /// `json.dumps` encodes strings, with `\u` escapes for non-ASCII when the file is pure ASCII
  /// (`isASCII`) and raw UTF-8 otherwise, so `replacingPrompt(with: prompt)` gives back `data`
  /// for any file `json.dumps` wrote.
  /// - Parameter newPrompt: the new prompt.
  public func replacingPrompt(with newPrompt: String) -> Data {
    let literal = PythonJSONString.encode(newPrompt, asciiOnly: isASCII)
    var output = Data(capacity: bytes.count - promptSpan.count + literal.count)
    output.append(contentsOf: bytes[..<promptSpan.lowerBound])
    output.append(contentsOf: literal)
    output.append(contentsOf: bytes[promptSpan.upperBound...])
    return output
  }

  /// The prompt with a section inserted, reporting errors against this task's path.
  /// - Parameters:
  ///   - section: the text to insert; see `insert(_:into:placement:file:)`.
  ///   - placement: where it goes.
  /// - Throws: `HarnessError` when the section is empty or the anchor is missing or ambiguous.
  public func insertingSection(_ section: String, placement: Placement = .standard) throws
    -> String
  {
    try Self.insert(section, into: prompt, placement: placement, file: path)
  }

  /// The task's bytes with a section inserted into the prompt (everything else unchanged).
  /// - Parameters:
  ///   - section: the text to insert.
  ///   - placement: where it goes.
  /// - Throws: `HarnessError` when the section is empty or the anchor is missing or ambiguous.
  public func augmented(with section: String, placement: Placement = .standard) throws -> Data {
    replacingPrompt(with: try insertingSection(section, placement: placement))
  }
}
