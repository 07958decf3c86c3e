import Foundation
import Mustache

/// Problems with templates.
public enum TemplateError: Error, CustomStringConvertible, Sendable {
  /// A template file does not parse; the message has its position.
  case parse(file: String, line: Int, column: Int, message: String)
  /// A template the renderer needs is missing.
  case missing(name: String)
  /// The templates folder cannot be read.
  case unreadableFolder(String)

  public var description: String {
    switch self {
    case .parse(let file, let line, let column, let message):
      "\(file):\(line):\(column): error: \(message) [template-parse]"
    case .missing(let name): "template '\(name)' is missing [template-missing]"
    case .unreadableFolder(let path): "cannot read templates folder '\(path)' [template-folder]"
    }
  }
}

/// The Mustache templates of prompts and plan sections: the built-in defaults, each of which a
/// folder can override (a file `NAME.mustache` replaces template `NAME`).
public struct TemplateSet: Sendable {
  let library: MustacheLibrary
  /// Where each template came from: `built-in` or a file path.
  public let origins: [String: String]

  /// The names the renderer uses.
  public static let required = [
    "prompt", "plan", "requirements", "architecture", "database", "files", "server", "pipeline",
    "excerpts",
  ]

  /// The built-in templates, optionally overridden by the `.mustache` files of `folder`.
  /// - Throws: `TemplateError` for an unreadable folder or a template that does not parse.
  public init(overrides folder: String? = nil) throws {
    var sources = DefaultTemplates.all
    var origins = Dictionary(uniqueKeysWithValues: sources.keys.map { ($0, "built-in") })
    if let folder {
      guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
        throw TemplateError.unreadableFolder(folder)
      }
      for name in names.sorted() where name.hasSuffix(".mustache") {
        let path = (folder as NSString).appendingPathComponent(name)
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
          throw TemplateError.unreadableFolder(path)
        }
        let key = String(name.dropLast(".mustache".count))
        sources[key] = text
        origins[key] = path
      }
    }
    var library = MustacheLibrary()
    for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
      do {
        try library.register(text, named: name)
      } catch let error as MustacheTemplate.ParserError {
        throw TemplateError.parse(
          file: origins[name] ?? name, line: error.context.lineNumber,
          column: error.context.columnNumber, message: "\(error.error)")
      }
    }
    for name in Self.required where library.getTemplate(named: name) == nil {
      throw TemplateError.missing(name: name)
    }
    self.library = library
    self.origins = origins
  }

  /// Renders a template with a context of dictionaries, arrays, strings, numbers and booleans.
  func render(_ name: String, _ context: [String: Any]) throws -> String {
    guard let text = library.render(context, withTemplate: name) else {
      throw TemplateError.missing(name: name)
    }
    return text
  }
}
