import EscalationKit
import Foundation
import ProfileTOML
import Testing

/// Profiles (TOML) read into typed settings, and their errors with the profile's line.
@Suite struct ProfileTests {
  static func parse(_ text: String) throws(ProfileError) -> Profile {
    try ProfileReader.parse(bytes: Array(text.utf8), path: "p.toml")
  }

  static func error(_ text: String) -> ProfileError? {
    do {
      _ = try parse(text)
      return nil
    } catch {
      return error
    }
  }

  @Test func theIssueExampleReadsEveryKeyAndTable() throws {
    let p = try Self.parse(
      """
      null = ["?", "N/A", "NULL", "-"]  # blank
      tz = "Europe/Paris"
      date_order = "dmy"
      lang = "fr"
      layout = "events"
      delimiter = ";"
      sla = "1=24h,2=48h"

      [columns]
      ticket = "number"
      time = "sys_updated_at"
      category = ""

      [levels]
      "1 - Critical" = 4
      "4 - Low" = 1

      [categories]
      "Category 53" = "equipment-purchase"
      "*" = "operational-challenges"

      [events]
      "Awaiting User Info" = "pause"
      "Closed" = "resolve"
      """)
    #expect(p.nulls == ["?", "N/A", "NULL", "-"])
    #expect(p.zone?.identifier == "Europe/Paris")
    #expect(p.dateOrder == .dmy)
    #expect(p.language == .fr)
    #expect(p.layout == .events)
    #expect(p.delimiter == 0x3B)
    #expect(p.sla?.seconds[0] == 86_400 && p.sla?.seconds[1] == 172_800)
    #expect(
      p.columns.map { "\($0.field.rawValue)=\($0.header)" } == [
        "ticket=number", "time=sys_updated_at", "category=",
      ])
    #expect(p.levels.map { "\($0.value)=\($0.level.rawValue)" } == ["1 - Critical=4", "4 - Low=1"])
    #expect(
      p.events.map { "\($0.value)=\($0.kind.word)" } == [
        "Awaiting User Info=pause", "Closed=resolve",
      ])
    // Lines counted in the text above: [columns] is line 9, its ticket key line 10.
    #expect(p.line("columns.ticket") == 10)
    #expect(p.line("levels.4 - Low") == 16)
    #expect(p.line("events.Closed") == 24)
    let map = try ValueMap(profile: p)
    // Values match like labels: case, accents and spacing do not matter.
    #expect(map.level("1 -  CRITICAL") == Level(rawValue: 4))
    #expect(map.category("category 53") == .equipmentPurchase)
    #expect(map.categoryDefault == .operationalChallenges)
    #expect(map.event("awaiting user info") == .pause)
    #expect(map.isNull("n/a") && !map.isNull("NA"))
  }

  @Test func unknownKeysFieldsLevelsAndKindsNameTheirLineAndSuggest() {
    var e = Self.error("tz = \"UTC\"\ndate_ordre = \"dmy\"\n")
    #expect(e?.code == ProfileCode.unknownKey)
    #expect(e?.line == 2)
    #expect(e?.message.contains("did you mean \"date_order\"?") == true)

    e = Self.error("[columns]\nticket = \"number\"\ntimestamp_ = \"x\"\n")
    #expect(e?.code == ProfileCode.unknownField)
    #expect(e?.line == 3)

    e = Self.error("[levels]\n\"1 - Critical\" = 5\n")
    #expect(e?.code == ProfileCode.badLevel)
    #expect(e?.line == 2)

    e = Self.error("[events]\n\"On Hold\" = \"paused\"\n")
    #expect(e?.code == ProfileCode.unknownEventKind)
    #expect(e?.line == 2)
    #expect(e?.message.contains("did you mean \"pause\"?") == true)

    e = Self.error("[colums]\nticket = \"number\"\n")
    #expect(e?.code == ProfileCode.unknownKey)
    #expect(e?.line == 1)
    #expect(e?.message.contains("did you mean \"columns\"?") == true)

    e = Self.error("tz = \"Europe/Pariss\"\n")
    #expect(e?.code == ProfileCode.badOption)
    #expect(e?.line == 1)

    e = Self.error("lang = 3\n")
    #expect(e?.code == ProfileCode.wrongType)
  }

  @Test func syntaxErrorsCarryTOMLKitsPosition() {
    let e = Self.error("tz = \"UTC\"\nnull = [\"?\"\n")
    #expect(e?.code == ProfileCode.syntax)
    #expect(e?.line == 2 || e?.line == 3)
  }

  @Test func categoryTargetsResolveAgainstTheMatrixInUse() throws {
    let p = try Self.parse("[categories]\n\"Net\" = \"performance issues\"\n\"X\" = \"nope\"\n")
    do {
      _ = try ValueMap(profile: p)
      Issue.record("\"nope\" is no category")
    } catch {
      #expect(error.code == ProfileCode.unknownCategory)
      #expect(error.line == 3)
    }
  }

  @Test func hashIsFNV1a64() {
    // The published FNV-1a 64 test vectors: "" and "a".
    #expect(Profile.fnv1a64([]) == "cbf29ce484222325")
    #expect(Profile.fnv1a64(Array("a".utf8)) == "af63dc4c8601ec8c")
  }
}
