/// Words that belong to one part of a stack: a runtime, a framework, an ORM, a database, an
/// architecture or an application. A statement that uses them is only in scope where that part
/// is chosen; `foreignTerms(in:for:)` finds those that are not.
public enum StackVocabulary {
  /// The shipped frameworks and their runtimes, in a fixed order.
  public static let frameworks: [(String, String)] = [
    ("aiohttp", "python"), ("django", "python"), ("fastapi", "python"), ("flask", "python"),
    ("express", "node"), ("fastify", "node"), ("hono", "node"), ("koa", "node"),
  ]

  /// Applications known by their vocabulary; a manifest belongs to one when its id names it.
  public static let applications: [(id: String, words: [String])] = [
    ("conduit", ["conduit", "realworld", "article", "articles", "favorite", "favorited",
      "favorites", "unfavorite", "profile", "profiles"]),
    ("bookmarks", ["bookmark", "bookmarks"]),
  ]

  /// The application a manifest id names, e.g. `conduit-django` → `conduit`.
  public static func application(of manifestID: String) -> String? {
    let words = Set(manifestID.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init))
    return applications.first { words.contains($0.id) }?.id
  }

  /// One term: its words (matched as a sequence of whole words), whether case matters, what
  /// it belongs to, and where it is in scope.
  public struct Term: Sendable {
    /// The words, lower-cased unless `caseSensitive`.
    public var words: [String]
    /// Whether the term must match its case exactly (`Express`, not the verb).
    public var caseSensitive: Bool
    /// What it belongs to, e.g. `node`, `postgres`, `django-orm`.
    public var owner: String
    /// Where it may appear.
    public var allowed: @Sendable (StackScope) -> Bool
  }

  static func term(
    _ text: String, _ owner: String, caseSensitive: Bool = false,
    _ allowed: @escaping @Sendable (StackScope) -> Bool
  ) -> Term {
    let words = tokens(caseSensitive ? text : text.lowercased())
    return Term(words: words, caseSensitive: caseSensitive, owner: owner, allowed: allowed)
  }

  /// Every term.
  public static let terms: [Term] = {
    var terms: [Term] = []
    let python: @Sendable (StackScope) -> Bool = { $0.runtime == "python" }
    let node: @Sendable (StackScope) -> Bool = { $0.runtime == "node" }
    for text in [
      "pip", "requirements.txt", "python", "uvicorn", "gunicorn", "hypercorn", "uv pip",
      "__init__.py", "venv", "asyncio", "PyJWT", "pydantic",
    ] {
      terms.append(term(text, "python", python))
    }
    for text in [
      "npm", "npx", "package.json", "node_modules", "nodemon", "yarn", "pnpm", "Node.js",
      "javascript", "typescript", "commonjs", "jsonwebtoken", "bcryptjs",
    ] {
      terms.append(term(text, "node", node))
    }
    for (framework, _) in frameworks {
      let caseSensitive = framework == "express"
      let text = caseSensitive ? "Express" : framework
      terms.append(term(text, framework, caseSensitive: caseSensitive) { $0.framework == framework })
    }
    terms.append(term("starlette", "fastapi") { $0.framework == "fastapi" })
    for text in ["sqlalchemy", "sessionmaker", "mapped_column", "declarative_base", "alembic"] {
      terms.append(term(text, "sqlalchemy") { $0.orm == "sqlalchemy" })
    }
    terms.append(term("sequelize", "sequelize") { $0.orm == "sequelize" })
    let djangoORM: @Sendable (StackScope) -> Bool = { $0.framework == "django" && $0.orm == nil }
    for text in [
      "DoesNotExist", "QuerySet", "makemigrations", "manage.py migrate", "select_related",
      "prefetch_related", "models.Model", "Django ORM", "objects.create", "objects.get",
      "objects.filter",
    ] {
      terms.append(term(text, "django-orm", djangoORM))
    }
    for text in ["sqlite", "sqlite3", "aiosqlite", "better-sqlite3"] {
      terms.append(term(text, "sqlite") { $0.database == "sqlite" })
    }
    for text in ["postgres", "postgresql", "psycopg", "psycopg2", "asyncpg", "libpq"] {
      terms.append(term(text, "postgres") { $0.database == "postgres" })
    }
    for text in ["repository", "repositories", "clean architecture", "services layer"] {
      terms.append(term(text, "clean") { $0.architecture == "clean" })
    }
    for (application, words) in applications {
      for word in words {
        terms.append(term(word, application) { $0.application == application })
      }
    }
    return terms
  }()

  /// The terms of `text` that are out of scope for `scope`, each once, in term order.
  public static func foreignTerms(in text: String, for scope: StackScope) -> [Term] {
    let exact = tokens(text)
    let lowered = exact.map { $0.lowercased() }
    var found: [Term] = []
    for term in terms where !term.allowed(scope) {
      if term.caseSensitive {
        if contains(exact, term.words) { found.append(term) }
      } else if contains(lowered, term.words) {
        found.append(term)
      }
    }
    return found
  }

  /// The words of a text: runs of letters, digits and `_`; `.` and `-` split words.
  static func tokens(_ text: String) -> [String] {
    text.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init)
  }

  static func contains(_ words: [String], _ phrase: [String]) -> Bool {
    guard !phrase.isEmpty, words.count >= phrase.count else { return false }
    var start = 0
    while start + phrase.count <= words.count {
      var offset = 0
      while offset < phrase.count, words[start + offset] == phrase[offset] { offset += 1 }
      if offset == phrase.count { return true }
      start += 1
    }
    return false
  }
}
