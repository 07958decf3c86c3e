import CPlanCore
import Foundation
import Testing

@Suite struct DiagnosticStyleTests {
  @Test func aTerminalGetsColourAndTheSourceLineWithACaret() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "cplan-style-\(UUID().uuidString).yaml")
    defer { try? FileManager.default.removeItem(at: file) }
    try "cplan: 1\r\nframework: fastapy\r\n".write(to: file, atomically: true, encoding: .utf8)
    let diagnostic = Diagnostic.warning(
      "unknown-framework", "no shipped pack targets framework 'fastapy'",
      at: SourceLocation(file: file.path, line: 2, column: 12), suggestion: "did you mean 'fastapi'?")
    let styled = DiagnosticReporter.styled([diagnostic], terminal: true, environment: [:])
    #expect(styled.contains("\u{1B}[1;33mwarning:\u{1B}[0m"))
    let lines = styled.split(separator: "\n").map(String.init)
    #expect(lines.count == 3)
    #expect(lines[1] == " 2 | framework: fastapy")
    // The caret sits under column 12, the start of the value.
    let caret = lines[2].replacingOccurrences(of: "\u{1B}[1;33m", with: "")
      .replacingOccurrences(of: "\u{1B}[0m", with: "")
    #expect(caret == "   | " + String(repeating: " ", count: 11) + "^")
  }

  @Test func pipesAndNoColorGetPlainText() {
    let diagnostic = Diagnostic.error("x-code", "message", at: .start(of: "f.yaml"))
    let plain = DiagnosticReporter.text([diagnostic])
    #expect(DiagnosticReporter.styled([diagnostic], terminal: false, environment: [:]) == plain)
    #expect(DiagnosticReporter.styled([diagnostic], terminal: true, environment: ["NO_COLOR": "1"]) == plain)
    #expect(DiagnosticReporter.styled([diagnostic], terminal: true, environment: ["TERM": "dumb"]) == plain)
  }
}
