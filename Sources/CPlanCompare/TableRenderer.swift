/// The text formats of reports.
public enum ReportFormat: String, Sendable, CaseIterable, Codable {
  /// GitHub-flavoured Markdown tables.
  case md
  /// One tidy CSV: table, arm, group, metric, statistic, value.
  case csv
  /// LaTeX `tabular` environments with booktabs rules.
  case latex
  /// JSON, straight from the report's model.
  case json
}

/// Renders tables as Markdown, tidy CSV or LaTeX.
public enum TableRenderer {
  /// Markdown: a heading, a note and a pipe table per table.
  public static func markdown(_ tables: [ReportTable], title: String, preamble: [String]) -> String
  {
    var out = "# \(title)\n\n"
    for line in preamble { out += line + "\n" }
    for table in tables {
      out += "\n## \(table.title)\n\n"
      if let note = table.note { out += note + "\n\n" }
      guard !table.rows.isEmpty else {
        out += "none\n"
        continue
      }
      let keys = table.keys
      let header = keys.map(\.title) + table.columns.map(\.title)
      out += "| " + header.map(escapeMarkdown).joined(separator: " | ") + " |\n"
      let numeric = table.columns.indices.map { column in
        table.rows.allSatisfy { isNumeric($0.cells[column].display) }
      }
      out +=
        "|" + String(repeating: "---|", count: keys.count)
        + numeric.map { $0 ? "---:|" : "---|" }.joined() + "\n"
      for row in table.rows {
        let cells = keys.map { $0.value(row) } + row.cells.map(\.display)
        out += "| " + cells.map(escapeMarkdown).joined(separator: " | ") + " |\n"
      }
    }
    return out
  }

  /// Tidy CSV with a header: one line per value.
  public static func csv(_ tables: [ReportTable]) -> String {
    var out = "table,arm,group,metric,statistic,value\r\n"
    for table in tables {
      for row in table.rows {
        for (column, cell) in zip(table.columns, row.cells) {
          for (name, value) in zip(column.csvNames, cell.raw) where !value.isEmpty {
            let fields = [table.id, row.arm, row.group, row.metric, name, value]
            out += fields.map(quoteCSV).joined(separator: ",") + "\r\n"
          }
        }
      }
    }
    return out
  }

  /// LaTeX: a `table` with a booktabs `tabular` per table.
  public static func latex(_ tables: [ReportTable], title: String) -> String {
    var out = "% \(title)\n% requires \\usepackage{booktabs}\n"
    for table in tables where !table.rows.isEmpty {
      let keys = table.keys
      let align =
        String(repeating: "l", count: keys.count)
        + table.columns.indices.map { column in
          table.rows.allSatisfy { isNumeric($0.cells[column].display) } ? "r" : "l"
        }.joined()
      out += "\n\\begin{table}[ht]\n\\centering\n\\small\n"
      out += "\\begin{tabular}{@{}\(align)@{}}\n\\toprule\n"
      let header = keys.map(\.title) + table.columns.map(\.title)
      out += header.map { "\\textbf{\(escapeLaTeX($0))}" }.joined(separator: " & ") + " \\\\\n"
      out += "\\midrule\n"
      for row in table.rows {
        let cells = keys.map { $0.value(row) } + row.cells.map(\.display)
        out += cells.map(escapeLaTeX).joined(separator: " & ") + " \\\\\n"
      }
      out += "\\bottomrule\n\\end{tabular}\n"
      var caption = table.title
      if let note = table.note { caption += ". " + note }
      out += "\\caption{\(escapeLaTeX(caption))}\n\\label{tab:cplan-\(table.id)}\n\\end{table}\n"
    }
    return out
  }

  /// Whether a cell reads as a number, an interval or n/a (right-aligned).
  static func isNumeric(_ text: String) -> Bool {
    text == "n/a" || text.isEmpty
      || text.allSatisfy { "0123456789+-.,[] <".contains($0) } && text.contains(where: \.isNumber)
  }

  static func escapeMarkdown(_ text: String) -> String {
    text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
  }

  static func quoteCSV(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return text
    }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  static func escapeLaTeX(_ text: String) -> String {
    var out = ""
    for character in text {
      switch character {
      case "\\": out += "\\textbackslash{}"
      case "&", "%", "$", "#", "_", "{", "}": out += "\\\(character)"
      case "~": out += "\\textasciitilde{}"
      case "^": out += "\\textasciicircum{}"
      case "<": out += "\\textless{}"
      case ">": out += "\\textgreater{}"
      case "\n": out += " "
      case "Δ": out += "$\\Delta$"
      case "→": out += "$\\to$"
      case "±": out += "$\\pm$"
      case "−": out += "-"
      default: out.append(character)
      }
    }
    return out
  }
}
