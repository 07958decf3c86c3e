import Foundation
import Testing

@testable import CPlanHarness

/// The JSON scanner, the string decoder and the Python-style encoder.
struct JSONScannerTests {
  private func task(_ json: String) throws -> HarnessTask {
    try HarnessTask(data: Data(json.utf8), path: "t.json")
  }

  private func base(_ extra: String) -> String {
    #"{"name": "koa-openapi-unconstrained", "prompt": "p", "dockerFolder": "node"\#(extra)}"#
  }

  @Test("values of every kind are skipped, Python's NaN and Infinity included")
  func values() throws {
    let json = base(
      #", "a": [1, -0.5e+10, 2E-3, 0, true, false, null, NaN, Infinity, -Infinity, {}, [], "#
        + #"{"b": [[{"c": "\u00e9\"}]"}]]}]"#)
    let parsed = try task(json)
    #expect(parsed.keys == ["name", "prompt", "dockerFolder", "a"])
    #expect(parsed.target.constraints.isEmpty && parsed.target.framework == "koa")
    #expect(parsed.replacingPrompt(with: "p") == Data(json.utf8))
  }

  @Test("compact JSON works too")
  func compact() throws {
    let json = #"{"prompt":"a\/b","name":"x-y-z","dockerFolder":"uv"}"#
    let parsed = try task(json)
    #expect(parsed.prompt == "a/b")
    #expect(
      parsed.replacingPrompt(with: "q")
        == Data(#"{"prompt":"q","name":"x-y-z","dockerFolder":"uv"}"#.utf8))
  }

  @Test(
    "syntax errors are positioned",
    arguments: [
      ("", 1, 1, "unexpected end of input, expected a value"),
      ("{\"a\" 1}", 1, 6, "unexpected '1', expected ':' after a key"),
      ("{} {}", 1, 4, "extra data after the top-level value"),
      ("{\"a\": [1 2]}", 1, 10, "unexpected '2', expected ',' or ']'"),
      ("{\"a\": 01}", 1, 8, "unexpected '1', expected ',' or '}'"),
      ("{\"a\": -}", 1, 8, "unexpected '}', expected a digit"),
      ("{\"a\": 1.}", 1, 9, "unexpected '}', expected a digit after '.'"),
      ("{\"a\": tru}", 1, 7, "unexpected 't', expected a value"),
      ("{\"a\": \"\\x\"}", 1, 9, "unexpected 'x', expected a valid escape"),
      (
        "{\"a\": \"\\u12g4\"}", 1, 12,
        "unexpected 'g', expected a hexadecimal digit in '\\u' escape"
      ),
      ("{\n  \"é\": x}", 2, 8, "unexpected 'x', expected a value"),
      ("{\"a\": \u{7F}}", 1, 7, "unexpected byte 0x7F, expected a value"),
    ])
  func syntaxErrors(json: String, line: Int, column: Int, reason: String) {
    #expect(
      throws: HarnessError.notJSON(file: "t.json", line: line, column: column, reason: reason)
    ) {
      try task(json)
    }
  }

  @Test("deep nesting is an error, not a crash")
  func deepNesting() {
    let json = base(", \"a\": " + String(repeating: "[", count: 100_000))
    let opening = json.firstIndex(of: "[")!
    let column = json.distance(from: json.startIndex, to: opening) + JSONScanner.maxDepth + 1
    #expect(
      throws: HarnessError.notJSON(
        file: "t.json", line: 1, column: column,
        reason: "values are nested more than 512 deep")
    ) { try task(json) }
    let fine = base(
      ", \"a\": " + String(repeating: "[", count: 500) + String(repeating: "]", count: 500))
    #expect(throws: Never.self) { try task(fine) }
  }

  @Test("a top-level value other than an object is named")
  func notAnObject() {
    #expect(throws: HarnessError.notAnObject(file: "t.json", found: "a string", line: 1, column: 2)) {
      try task(" \"x\" ")
    }
  }

  @Test("keys are compared decoded")
  func escapedKeys() throws {
    let parsed = try task(#"{"n\u0061me": "a-b-c", "pr\u006Fmpt": "p", "dockerFolder": "uv"}"#)
    #expect(parsed.name == "a-b-c" && parsed.prompt == "p")
  }

  @Test("the encoder writes strings as Python's json.dumps does")
  func encoder() {
    func ascii(_ text: String) -> String {
      String(decoding: PythonJSONString.encode(text, asciiOnly: true), as: UTF8.self)
    }
    func raw(_ text: String) -> String {
      String(decoding: PythonJSONString.encode(text, asciiOnly: false), as: UTF8.self)
    }
    #expect(ascii("a/b") == #""a/b""#)
    #expect(ascii("\"\\\n\r\t\u{08}\u{0C}") == #""\"\\\n\r\t\b\f""#)
    #expect(ascii("\u{00}\u{1F}\u{7F}") == #""\u0000\u001f\u007f""#)
    #expect(raw("\u{00}\u{1F}\u{7F}") == "\"\\u0000\\u001f\u{7F}\"")
    #expect(ascii("é€😀\u{FEFF}") == #""\u00e9\u20ac\ud83d\ude00\ufeff""#)
    #expect(raw("é€😀") == "\"é€😀\"")
  }

  @Test("encoding then decoding gives the string back", arguments: [true, false])
  func encoderRoundTrip(asciiOnly: Bool) throws {
    let controls = String(String.UnicodeScalarView((0..<0x80).compactMap(Unicode.Scalar.init)))
    for text in [controls, Fixture.tricky, "", "e\u{301} 🇫🇷 \u{10FFFF}", sampleSection] {
      let literal = PythonJSONString.encode(text, asciiOnly: asciiOnly)
      #expect(try JSONStringDecoder.decode(literal, span: 0..<literal.count) == text)
      let json = try JSONSerialization.jsonObject(
        with: Data(literal), options: [.fragmentsAllowed])
      #expect(json as? String == text)
    }
  }
}
