import Foundation

/// A table of a report, rendered alike as Markdown, LaTeX or tidy CSV. Each row is keyed by
/// arm, group and metric (any may be empty); its cells carry a display text and raw values.
public struct ReportTable: Sendable, Hashable {
  /// A column: its title, and the names of its raw values in CSV (an interval has two).
  public struct Column: Sendable, Hashable {
    /// The title in Markdown and LaTeX.
    public var title: String
    /// The statistic names in CSV.
    public var csvNames: [String]

    /// A column with one raw value.
    public init(_ title: String, csv: String) {
      self.title = title
      csvNames = [csv]
    }

    /// A column with several raw values.
    public init(_ title: String, csv: [String]) {
      self.title = title
      csvNames = csv
    }
  }

  /// A cell: what people read, and what scripts read.
  public struct Cell: Sendable, Hashable {
    /// The display text.
    public var display: String
    /// One raw value per CSV name of the column; empty strings are left out of CSV.
    public var raw: [String]
  }

  /// A row.
  public struct Row: Sendable, Hashable {
    /// The arm, or empty.
    public var arm: String
    /// The group, or empty.
    public var group: String
    /// The metric, or empty.
    public var metric: String
    /// One cell per column.
    public var cells: [Cell]
  }

  /// A stable id, the `table` column of CSV.
  public var id: String
  /// A heading.
  public var title: String
  /// A sentence under the heading.
  public var note: String?
  /// Titles of the arm, group and metric key columns.
  public var keyTitles: (arm: String, group: String, metric: String)
  /// The value columns.
  public var columns: [Column]
  /// The rows.
  public var rows: [Row]

  /// Creates a table.
  public init(
    id: String, title: String, note: String? = nil,
    keyTitles: (arm: String, group: String, metric: String) = ("arm", "group", "metric"),
    columns: [Column], rows: [Row] = []
  ) {
    self.id = id
    self.title = title
    self.note = note
    self.keyTitles = keyTitles
    self.columns = columns
    self.rows = rows
  }

  public static func == (lhs: ReportTable, rhs: ReportTable) -> Bool {
    lhs.id == rhs.id && lhs.title == rhs.title && lhs.note == rhs.note
      && lhs.keyTitles == rhs.keyTitles && lhs.columns == rhs.columns && lhs.rows == rhs.rows
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(id)
    hasher.combine(rows)
  }

  /// The key columns used by some row, as (title, value of a row).
  var keys: [(title: String, value: (Row) -> String)] {
    var out: [(String, (Row) -> String)] = []
    if rows.contains(where: { !$0.arm.isEmpty }) { out.append((keyTitles.arm, { $0.arm })) }
    if rows.contains(where: { !$0.group.isEmpty }) { out.append((keyTitles.group, { $0.group })) }
    if rows.contains(where: { !$0.metric.isEmpty }) {
      out.append((keyTitles.metric, { $0.metric }))
    }
    return out
  }
}

/// Cell formatting shared by every report.
public enum CellFormat {
  /// A count.
  public static func count(_ value: Int) -> ReportTable.Cell {
    ReportTable.Cell(display: "\(value)", raw: ["\(value)"])
  }

  /// Text.
  public static func text(_ value: String) -> ReportTable.Cell {
    ReportTable.Cell(display: value, raw: [value])
  }

  /// A percentage or points, one decimal by default; `signed` adds a `+`.
  public static func percent(_ value: Double?, signed: Bool = false, digits: Int = 1)
    -> ReportTable.Cell
  {
    guard let value else { return ReportTable.Cell(display: "n/a", raw: [""]) }
    let display = String(format: signed ? "%+.\(digits)f" : "%.\(digits)f", value)
    return ReportTable.Cell(display: display, raw: [raw(value)])
  }

  /// An interval as `[low, high]`, two raw values.
  public static func interval(_ value: Interval?) -> ReportTable.Cell {
    guard let value else { return ReportTable.Cell(display: "n/a", raw: ["", ""]) }
    return ReportTable.Cell(
      display: String(format: "[%.1f, %.1f]", value.low, value.high),
      raw: [raw(value.low), raw(value.high)])
  }

  /// A p value: `<0.001`, or three significant digits.
  public static func pValue(_ value: Double) -> ReportTable.Cell {
    let display = value < 0.001 ? "<0.001" : String(format: "%.3g", value)
    return ReportTable.Cell(display: display, raw: [String(format: "%.6g", value)])
  }

  /// A statistic with one decimal.
  public static func decimal(_ value: Double?) -> ReportTable.Cell {
    guard let value else { return ReportTable.Cell(display: "n/a", raw: [""]) }
    return ReportTable.Cell(display: String(format: "%.1f", value), raw: [raw(value)])
  }

  /// A raw number with 4 decimals (and no `-0.0000`).
  public static func raw(_ value: Double) -> String {
    let text = String(format: "%.4f", value)
    return text == "-0.0000" ? "0.0000" : text
  }
}
