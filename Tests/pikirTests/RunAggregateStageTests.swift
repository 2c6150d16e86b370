import Foundation
import Testing

/// A pipeline's aggregate table and `pikir agg` with the same registry are
/// one computation: a `where` on the trainer finds the registry's trainer by
/// any alias in both.
@Suite(.serialized)
struct RunAggregateStageTests {
    @Test func aTrainerAliasInWhereFindsTheRegistrysTrainerAsAggDoes() throws {
        try withTemporaryDirectory { dir in
            let text = RunWorkspace.pipelineText().replacingOccurrences(of: "where = [\"region=KZ-75\"]", with: """
                where = ["region=KZ-75"]

                  [[stage.table]]
                  name = "dima"
                  by = ["trainer"]
                  measures = ["overall"]
                  stats = ["n", "mean"]
                  where = ["trainer=Дима"]
                """)
            let workspace = try RunWorkspace.make(in: dir, pipeline: text)
            // A nickname only the registry knows: no spelling rule finds Дмитрий Ким from it.
            let registry = workspace.registries.appendingPathComponent("trainers.csv")
            let trainers = try String(contentsOf: registry, encoding: .utf8)
                .replacingOccurrences(of: "T05,Дмитрий Ким,Dmitriy Kim|", with: "T05,Дмитрий Ким,Дима|Dmitriy Kim|")
            try trainers.write(to: registry, atomically: true, encoding: .utf8)
            try workspace.runClean()
            let table = try String(contentsOf: workspace.output.appendingPathComponent("tables/dima.json"), encoding: .utf8)
            let agg = try PikirBinary.run(["agg", "--db", workspace.warehouse, "--trainers", registry.path, "--by", "trainer",
                                           "--measure", "overall", "--stat", "n,mean", "--where", "trainer=Дима", "--format", "json"])
            #expect(agg.status == 0, "\(agg)")
            let rows = try AggJSON.rows(table)
            #expect(rows.map { $0.string("trainer_id") } == ["T05"], "the table: \(table)")
            #expect(rows.map { $0.int("n") } == (try AggJSON.rows(agg.stdout)).map { $0.int("n") }, "pipeline \(table) vs agg \(agg.stdout)")
            #expect((rows.first?.int("n") ?? 0) > 50)
        }
    }
}
