import CPlanCore
import CPlanModel
import Foundation

extension PackLinter {
  /// Words that turn the instruction about a term that follows them around.
  static let negations: Set<String> = [
    "never", "not", "no", "don", "without", "avoid", "nothing", "neither", "nor", "instead",
  ]
  /// Verbs that prescribe the term that follows them.
  static let prescriptions: Set<String> = [
    "use", "call", "import", "create", "open", "put", "keep", "wrap", "set", "list", "run",
    "start", "pass", "add", "register", "define", "give", "return", "raise", "commit",
  ]
  /// Terms that exclude each other: one stack uses one of them.
  static let alternatives: [Set<String>] = [
    ["sqlite3", "aiosqlite", "better-sqlite3"], ["psycopg", "psycopg2", "asyncpg"],
    ["create_engine", "create_async_engine"], ["sessionmaker", "async_sessionmaker"],
  ]

  /// A term without the place it was qualified with.
  static func bare(_ term: String) -> String {
    term.components(separatedBy: " in ").first ?? term
  }

  /// What may wrap a folder name such as `` `services/`. ``
  static let placePunctuation = CharacterSet(charactersIn: "`\"'.,")

  /// Prepositions of place, which end the object of an instruction.
  static let places: Set<String> = ["in", "into", "inside", "under", "at", "on", "to", "for"]
  /// How many words before a term a negation or prescription may stand.
  static let reach = 4

  /// Candidate contradictions: two rules that can apply to the same stack, one telling the agent
  /// not to do something with a term (`never commit`, `no sqlite3`) that the other tells it to
  /// do. Pairs that name each other in `conflicts` are known and resolved by the planner.
  func lintContradictions(_ packs: [RulePack]) -> [Diagnostic] {
    struct Entry {
      let rule: Rule
      let stacks: [Bool]
      let negated: Set<String>
      let prescribed: Set<String>
    }
    let entries = packs.flatMap { pack in
      pack.rules.map { rule in
        let stacks = StackScope.all.map { Self.applies(rule, of: pack, to: $0) }
        let (negated, prescribed) = Self.instructions(in: rule.statement)
        return Entry(rule: rule, stacks: stacks, negated: negated, prescribed: prescribed)
      }
    }
    var diagnostics: [Diagnostic] = []
    for (i, a) in entries.enumerated() {
      for b in entries[(i + 1)...] {
        guard
          let (x, y) = Self.alternatives.lazy.compactMap({ group -> (String, String)? in
            guard let x = a.prescribed.first(where: { group.contains(Self.bare($0)) }),
              let y = b.prescribed.first(where: { group.contains(Self.bare($0)) }),
              Self.bare(x) != Self.bare(y)
            else { return nil }
            return (x, y)
          }).first,
          !a.rule.conflicts.contains(where: { $0.value == b.rule.id }),
          !b.rule.conflicts.contains(where: { $0.value == a.rule.id }),
          let stack = zip(a.stacks, b.stacks).enumerated().first(where: { $0.element.0 && $0.element.1 })
        else { continue }
        diagnostics.append(
          .warning(
            "lint-contradiction",
            "'\(a.rule.id)' prescribes '\(Self.bare(x))' and '\(b.rule.id)' its alternative '\(Self.bare(y))'; "
              + "both apply to " + StackScope.all[stack.offset].description, at: a.rule.idLocation,
            suggestion: "make one decision for that stack, or name the other rule in 'conflicts'",
            notes: [.init("'\(b.rule.id)' is here", at: b.rule.idLocation)]))
      }
    }
    for a in entries where !a.negated.isEmpty {
      for b in entries where b.rule.id != a.rule.id {
        let shared = a.negated.intersection(b.prescribed)
        guard !shared.isEmpty, a.rule.topic == b.rule.topic,
          !a.rule.conflicts.contains(where: { $0.value == b.rule.id }),
          !b.rule.conflicts.contains(where: { $0.value == a.rule.id }),
          let stack = zip(a.stacks, b.stacks).enumerated().first(where: { $0.element.0 && $0.element.1 })
        else { continue }
        let terms = shared.sorted().map { "'\($0)'" }.joined(separator: ", ")
        diagnostics.append(
          .warning(
            "lint-contradiction",
            "'\(a.rule.id)' forbids \(terms), which '\(b.rule.id)' prescribes; both apply to "
              + StackScope.all[stack.offset].description, at: a.rule.idLocation,
            suggestion: "make one decision for that stack, or name the other rule in 'conflicts'",
            notes: [.init("'\(b.rule.id)' is here", at: b.rule.idLocation)]))
      }
    }
    return diagnostics
  }

  /// The code-like terms a statement forbids and prescribes: identifiers with `.`, `_` or `(`,
  /// words in backticks, and stack vocabulary (drivers, ORMs), each judged by the nearest
  /// negation or prescribing verb within `reach` words before it in the same clause.
  static func instructions(in statement: String) -> (negated: Set<String>, prescribed: Set<String>) {
    var negated: Set<String> = []
    var prescribed: Set<String> = []
    for clause in statement.split(whereSeparator: { $0 == ";" || $0 == ":" }) {
      let words = clause.split { $0 == " " || $0 == "\n" || $0 == "," }.map(String.init)
      for (index, raw) in words.enumerated() {
        guard var term = Self.term(raw) else { continue }
        // Where the instruction holds (`in services/`) is part of it: forbidding an import in
        // one folder does not contradict prescribing it in another.
        let place = words[(index + 1)...].first {
          $0.trimmingCharacters(in: Self.placePunctuation).hasSuffix("/")
        }
        if let place {
          term += " in " + place.trimmingCharacters(in: Self.placePunctuation)
        }
        var negation = false
        var prescription = false
        for back in 1...Self.reach where index - back >= 0 {
          let word = words[index - back].lowercased().filter { $0.isLetter }
          // A place ends the object: in `never list x in y`, y is where, not what is forbidden.
          if Self.places.contains(word) { break }
          negation = negation || Self.negations.contains(word)
          prescription = prescription || Self.prescriptions.contains(word)
        }
        if negation {
          negated.insert(term)
        } else if prescription {
          prescribed.insert(term)
        }
      }
    }
    return (negated, prescribed.subtracting(negated))
  }

  /// The word as a term when it looks like code: backticked, dotted, snake_case or a call.
  static func term(_ raw: String) -> String? {
    var word = raw.trimmingCharacters(in: CharacterSet(charactersIn: "\"'.,;:!?"))
    let backticked = word.hasPrefix("`")
    word = word.trimmingCharacters(in: CharacterSet(charactersIn: "`\"'.,;:!?"))
    guard word.first?.isLetter == true || word.first == "_" else { return nil }
    if let call = word.firstIndex(of: "(") { word = String(word[..<call]) }
    guard word.count > 2 else { return nil }
    if backticked || word.contains("_") || word.contains(".") || raw.contains("(") {
      return word.lowercased()
    }
    let lowered = word.lowercased()
    return Self.stackTerms.contains(lowered) ? lowered : nil
  }

  /// Single words of the stack vocabulary (drivers, ORMs, servers) judged as terms.
  static let stackTerms: Set<String> = Set(
    StackVocabulary.terms.filter {
      $0.words.count == 1 && ["sqlite", "postgres", "sqlalchemy", "sequelize", "django-orm"]
        .contains($0.owner)
    }.map { $0.words[0] })
}
