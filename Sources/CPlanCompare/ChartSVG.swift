import Foundation

/// Draws `ChartData` as a self-contained SVG: a title, a legend, then a grid of panels (all
/// frameworks first), each with labelled axes, a line per arm, a distinct marker per arm and
/// 95% error bars. Colours are the Okabe–Ito palette, readable with colour-vision deficiency.
public enum ChartSVG {
  /// Arm colours, in arm order.
  static let colors = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"]

  private static let panelWidth = 340.0
  private static let panelHeight = 270.0
  private static let plot = (left: 58.0, top: 34.0, width: 258.0, height: 180.0)
  private static let header = 86.0

  /// The SVG document.
  public static func render(_ data: ChartData) -> String {
    let columns = min(3, max(1, data.panels.count))
    let rows = (data.panels.count + columns - 1) / columns
    let width = Double(columns) * panelWidth + 20
    let height = header + Double(rows) * panelHeight + 10
    let arms = data.panels.first?.series.map(\.arm) ?? []
    var svg = """
      <?xml version="1.0" encoding="UTF-8"?>
      <svg xmlns="http://www.w3.org/2000/svg" width="\(f(width))" height="\(f(height))" \
      viewBox="0 0 \(f(width)) \(f(height))" font-family="Helvetica, Arial, sans-serif">
      <title>\(escape(data.metric.title)) by constraint level: \
      \(escape(arms.joined(separator: ", ")))</title>
      <rect width="100%" height="100%" fill="#ffffff"/>
      <text x="\(f(width / 2))" y="26" font-size="17" font-weight="bold" text-anchor="middle">\
      \(escape(data.metric.title)) by constraint level</text>
      <text x="\(f(width / 2))" y="46" font-size="12" fill="#444444" text-anchor="middle">\
      mean over matched tasks; error bars: 95% bootstrap intervals (tasks, then runs)</text>

      """
    svg += legend(arms, y: 68, width: width)
    for (index, panel) in data.panels.enumerated() {
      let x = 10 + Double(index % columns) * panelWidth
      let y = header + Double(index / columns) * panelHeight
      svg += self.panel(panel, levels: data.levels, metric: data.metric, x: x, y: y)
    }
    return svg + "</svg>\n"
  }

  private static func legend(_ arms: [String], y: Double, width: Double) -> String {
    let itemWidth = 150.0
    var x = (width - itemWidth * Double(arms.count)) / 2
    var out = "<g id=\"legend\" font-size=\"13\">\n"
    for (index, arm) in arms.enumerated() {
      let color = colors[index % colors.count]
      out += "<line x1=\"\(f(x))\" y1=\"\(f(y))\" x2=\"\(f(x + 28))\" y2=\"\(f(y))\" "
      out += "stroke=\"\(color)\" stroke-width=\"2.5\"/>\n"
      out += marker(index, x: x + 14, y: y, color: color)
      out += "<text x=\"\(f(x + 36))\" y=\"\(f(y + 4.5))\">\(escape(arm))</text>\n"
      x += itemWidth
    }
    return out + "</g>\n"
  }

  private static func panel(
    _ panel: ChartData.Panel, levels: [Int], metric: Metric, x: Double, y: Double
  ) -> String {
    let left = x + plot.left
    let top = y + plot.top
    func px(_ position: Int) -> Double {
      levels.count == 1
        ? left + plot.width / 2
        : left + 20 + Double(position) * (plot.width - 40)
          / Double(levels.count - 1)
    }
    func py(_ value: Double) -> Double { top + plot.height * (1 - min(max(value, 0), 100) / 100) }
    var out = "<g class=\"panel\">\n"
    out += "<text x=\"\(f(left + plot.width / 2))\" y=\"\(f(y + 22))\" font-size=\"14\" "
    out += "font-weight=\"bold\" text-anchor=\"middle\">\(escape(panel.title))</text>\n"
    for tick in stride(from: 0, through: 100, by: 25) {
      let ty = py(Double(tick))
      out += "<line x1=\"\(f(left))\" y1=\"\(f(ty))\" x2=\"\(f(left + plot.width))\" "
      out += "y2=\"\(f(ty))\" stroke=\"#dddddd\" stroke-width=\"1\"/>\n"
      out += "<text x=\"\(f(left - 6))\" y=\"\(f(ty + 4))\" font-size=\"11\" "
      out += "text-anchor=\"end\">\(tick)</text>\n"
    }
    out += "<rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(plot.width))\" "
    out += "height=\"\(f(plot.height))\" fill=\"none\" stroke=\"#555555\" stroke-width=\"1\"/>\n"
    for (position, level) in levels.enumerated() {
      out += "<text x=\"\(f(px(position)))\" y=\"\(f(top + plot.height + 16))\" "
      out += "font-size=\"11\" text-anchor=\"middle\">L\(level)</text>\n"
    }
    out += "<text x=\"\(f(left + plot.width / 2))\" y=\"\(f(top + plot.height + 34))\" "
    out += "font-size=\"12\" text-anchor=\"middle\">constraint level</text>\n"
    let cx = x + 16
    let cy = top + plot.height / 2
    out += "<text x=\"\(f(cx))\" y=\"\(f(cy))\" font-size=\"12\" text-anchor=\"middle\" "
    out += "transform=\"rotate(-90 \(f(cx)) \(f(cy)))\">\(escape(axisTitle(metric)))</text>\n"
    let count = Double(panel.series.count)
    for (index, series) in panel.series.enumerated() {
      let color = colors[index % colors.count]
      let dodge = (Double(index) - (count - 1) / 2) * 7
      var path = ""
      for (position, point) in series.points.enumerated() {
        guard let value = point.value else { continue }
        path += (path.isEmpty ? "M" : " L") + "\(f(px(position) + dodge)) \(f(py(value)))"
      }
      out += "<path d=\"\(path)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\"/>\n"
      for (position, point) in series.points.enumerated() {
        guard let value = point.value else { continue }
        let bx = px(position) + dodge
        if let interval = point.interval {
          let (low, high) = (py(interval.low), py(interval.high))
          out += "<path d=\"M\(f(bx)) \(f(low)) L\(f(bx)) \(f(high)) M\(f(bx - 4)) \(f(low)) "
          out += "L\(f(bx + 4)) \(f(low)) M\(f(bx - 4)) \(f(high)) L\(f(bx + 4)) \(f(high))\" "
          out += "stroke=\"\(color)\" stroke-width=\"1.3\" fill=\"none\"/>\n"
        }
        out += marker(index, x: bx, y: py(value), color: color)
      }
    }
    return out + "</g>\n"
  }

  /// The y axis title: the metric, with its unit when the name lacks one.
  static func axisTitle(_ metric: Metric) -> String {
    metric.title.contains("%") ? metric.title : "\(metric.title) (%)"
  }

  /// Circle, square, triangle, diamond, … so arms differ without colour too.
  private static func marker(_ index: Int, x: Double, y: Double, color: String) -> String {
    let style = "fill=\"\(color)\" stroke=\"#ffffff\" stroke-width=\"1\""
    switch index % 4 {
    case 0: return "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"4.5\" \(style)/>\n"
    case 1:
      return "<rect x=\"\(f(x - 4))\" y=\"\(f(y - 4))\" width=\"8\" height=\"8\" \(style)/>\n"
    case 2:
      let d = "M\(f(x)) \(f(y - 5)) L\(f(x + 5)) \(f(y + 4)) L\(f(x - 5)) \(f(y + 4)) Z"
      return "<path d=\"\(d)\" \(style)/>\n"
    default:
      let d =
        "M\(f(x)) \(f(y - 5.5)) L\(f(x + 5)) \(f(y)) L\(f(x)) \(f(y + 5.5)) "
        + "L\(f(x - 5)) \(f(y)) Z"
      return "<path d=\"\(d)\" \(style)/>\n"
    }
  }

  private static func f(_ value: Double) -> String { String(format: "%.1f", value) }

  /// Escapes text for XML.
  static func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
  }
}
