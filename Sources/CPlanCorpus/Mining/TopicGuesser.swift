/// Guesses a rule topic from the words of a candidate and its headings.
enum TopicGuesser {
  /// Topics with the words that suggest them, in the order ties are broken.
  static let vocabulary: [(topic: String, words: Set<String>)] = [
    (
      "routing",
      [
        "url", "urls", "route", "routes", "routing", "router", "path", "slash", "redirect",
        "redirects", "urlconf", "endpoint", "endpoints", "mount", "prefix",
      ]
    ),
    ("settings", ["setting", "settings", "configuration", "config", "configure", "environment"]),
    (
      "database",
      [
        "database", "databases", "sql", "query", "queries", "queryset", "table",
        "tables", "sqlite", "postgresql", "postgres", "connection", "connections", "engine",
        "transaction", "transactions", "commit", "rollback", "orm", "model", "models",
      ]
    ),
    (
      "auth",
      [
        "auth", "authentication", "authenticate", "authenticated", "login", "logout",
        "password", "passwords", "permission", "permissions", "token", "tokens", "csrf",
        "credentials", "jwt", "bearer",
      ]
    ),
    (
      "errors",
      [
        "error", "errors", "exception", "exceptions", "raises", "raise", "raised",
        "traceback", "404", "400", "401", "403", "405", "422", "500",
      ]
    ),
    (
      "serialization",
      [
        "json", "serialize", "serializes", "serialized", "serializer",
        "serialization", "encode", "encoded", "decode", "decoded", "jsonable", "dumps",
      ]
    ),
    (
      "request",
      [
        "request", "requests", "header", "headers", "body", "form", "method", "methods",
        "post", "get", "put", "patch", "delete", "upload", "parameter", "parameters",
      ]
    ),
    ("sessions", ["session", "sessions", "cookie", "cookies"]),
    ("migrations", ["migration", "migrations", "migrate", "makemigrations", "alembic", "schema"]),
    (
      "async",
      [
        "async", "await", "asynchronous", "coroutine", "coroutines", "asyncio", "loop",
        "concurrent", "thread", "threads",
      ]
    ),
    (
      "startup",
      [
        "startup", "start", "starts", "server", "runserver", "lifespan", "wsgi", "asgi",
        "uvicorn", "gunicorn", "run", "running",
      ]
    ),
    (
      "packaging",
      [
        "install", "installed", "pip", "package", "packages", "dependency",
        "dependencies", "requirements", "extras", "wheel",
      ]
    ),
  ]

  /// The topic whose words occur most often in the statement (headings count half), or
  /// `settings` when none occurs.
  static func topic(for candidate: Candidate) -> String {
    let statement = words(candidate.statement)
    let headings = words(candidate.headings.joined(separator: " "))
    var best = (topic: "settings", score: 0.0)
    for entry in vocabulary {
      let score =
        Double(statement.count(where: entry.words.contains))
        + 0.5 * Double(headings.count(where: entry.words.contains))
      if score > best.score { best = (entry.topic, score) }
    }
    return best.topic
  }

  private static func words(_ text: String) -> [String] {
    QuoteNormalizer.key(text).split(separator: " ").map(String.init)
  }
}
