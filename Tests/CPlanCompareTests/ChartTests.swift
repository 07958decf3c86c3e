import Foundation
import Testing

@testable import CPlanCompare

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Counts elements and collects text of an SVG.
private final class SVGCounter: NSObject, XMLParserDelegate {
  var elements: [String: Int] = [:]
  var panels = 0
  var text = ""

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String] = [:]
  ) {
    elements[name, default: 0] += 1
    if attributes["class"] == "panel" { panels += 1 }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) { text += string + "\n" }
}

@Suite("chart")
struct ChartTests {
  private var svg: String { ChartSVG.render(Scenario.report.chart!) }

  @Test("the svg is well-formed, with a panel per framework plus the overall one")
  func structure() throws {
    let counter = SVGCounter()
    let parser = XMLParser(data: Data(svg.utf8))
    parser.delegate = counter
    #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
    #expect(counter.panels == 1 + SyntheticTree.frameworks.count)
    for label in [
      "baseline", "planned", "constraint level", "strict A%", "all frameworks", "django", "L0",
      "L3",
    ] {
      #expect(counter.text.contains(label), "missing '\(label)'")
    }
    // Every panel draws 2 arms × 4 levels of markers, and the legend one per arm.
    #expect((counter.elements["circle"] ?? 0) == 9 * 4 + 1)
    #expect((counter.elements["rect"] ?? 0) >= 9 * 4 + 1)
  }

  @Test("every point has an interval around it, even a cell of one task")
  func intervals() throws {
    let chart = try #require(Scenario.report.chart)
    #expect(chart.levels == [0, 1, 2, 3])
    for panel in chart.panels {
      for series in panel.series {
        for point in series.points {
          let value = try #require(point.value)
          let interval = try #require(point.interval)
          #expect(interval.low <= value + 1e-9 && value <= interval.high + 1e-9)
        }
      }
    }
    let django = try #require(chart.panels.first { $0.title == "django" })
    #expect(django.series[0].points[0].tasks == 2)
    #expect(
      try #require(django.series[0].points[0].interval).high
        > django.series[0].points[0].interval!.low)
  }

  @Test("the chart is deterministic")
  func deterministic() throws {
    let again = ChartData(try MatchedArms(Scenario.arms), options: Scenario.options)
    #expect(ChartSVG.render(again) == svg)
  }

  @Test("the chart renders in a headless browser", .enabled(if: Browser.isAvailable))
  func browser() throws {
    let folder = Paths.temporary("chart")
    let chart = folder.appendingPathComponent("chart.svg")
    let blank = folder.appendingPathComponent("blank.svg")
    try Data(svg.utf8).write(to: chart)
    let size = svg.components(separatedBy: "viewBox=\"0 0 ")[1].split(separator: "\"")[0]
      .split(separator: " ").map { Int(Double($0)!) }
    try Data(
      ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(size[0])\" height=\"\(size[1])\">"
        + "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/></svg>").utf8
    ).write(to: blank)
    let drawn = try #require(
      try Browser.screenshot(
        chart, to: folder.appendingPathComponent("chart.png"), width: size[0], height: size[1]))
    let empty = try #require(
      try Browser.screenshot(
        blank, to: folder.appendingPathComponent("blank.png"), width: size[0], height: size[1]))
    let png = try Data(contentsOf: folder.appendingPathComponent("chart.png"))
    #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
    // Text, lines and markers compress far worse than a blank page.
    #expect(drawn > 10 * empty, "chart \(drawn) bytes, blank \(empty) bytes")
  }
}
