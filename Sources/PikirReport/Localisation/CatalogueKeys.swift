extension Catalogue {
    /// The six questions in `Measure.all` order, as they appear in keys
    /// (`question.<id>`, `question.short.<id>`).
    public static let questionIDs = ["overall", "delivery", "content", "organisation", "applicability", "nps"]

    /// The 20 ISO 3166-2:KZ subdivisions (numeric codes, since November 2022):
    /// the three cities of republican significance, then the regions by code.
    public static let regionCodes = [
        "KZ-71", "KZ-75", "KZ-79",
        "KZ-10", "KZ-11", "KZ-15", "KZ-19", "KZ-23", "KZ-27", "KZ-31", "KZ-33", "KZ-35",
        "KZ-39", "KZ-43", "KZ-47", "KZ-55", "KZ-59", "KZ-61", "KZ-62", "KZ-63",
    ]

    /// The names `plural(_:count:)` accepts (`plural.<name>` keys).
    public static let pluralNames = [
        "responses", "sessions", "participants", "files", "trainers", "regions", "comments", "records",
    ]

    /// Plurals that are whole sentences (`plural.<name>` keys too): the trainers report's summary, whose
    /// verb and noun agree with the count («3 тренера — уверенно выше…», «5 тренеров — …»). Besides `{n}`
    /// a form may carry `{k}`, the `--min-n` threshold.
    public static let sentencePluralNames = [
        "trainers_above", "trainers_below", "trainers_in_line", "trainers_all_in_line", "trainers_too_few", "trainers_unresolved",
    ]

    /// Every reject reason code pikir writes: the reader's (`RejectReason` in
    /// PikirIngest), then the normaliser's (`NormaliseRejectCode`), then the
    /// shared warehouse's (`LoginRegion` in PikirStore); each has a `reason.<code>` text.
    public static let rejectReasonCodes = [
        "unterminated_quote", "malformed_quote", "too_many_fields", "invalid_encoding",
        "impossible_date", "ambiguous_date", "unrecognised_date", "score_out_of_range", "score_unrecognised", "no_answers",
        "region_not_allowed",
    ]

    /// Every key each catalogue must have, and the only keys it may have.
    ///
    /// Besides the report's texts: `month.1`…`month.12` (nominative, as
    /// written inside a phrase), `month.gen.1`…`month.gen.12` (the form after a
    /// day number: genitive in Russian, the nominative again in Kazakh and
    /// English), and the date patterns `format.date` (`{day}`, `{month}`,
    /// `{year}`) and `format.month_year` (`{month}`, `{year}`).
    public static let requiredKeys: [String] = {
        var keys: [String] = []
        keys += questionIDs.map { "question.\($0)" }
        keys += questionIDs.map { "question.short.\($0)" }
        keys += ["pupil", "student", "working_youth", "youth_worker", "other"].map { "group.\($0)" }
        keys += ["open", "specialised", "digital", "street"].map { "module.\($0)" }
        keys += Language.allCases.map { "lang.\($0.rawValue)" }
        keys += regionCodes.map { "region.\($0)" } + ["region.unknown"]
        keys += [
            "n", "mean", "ci95", "median", "top2", "bottom2", "nps", "distribution", "trend", "comments",
            "trainer", "region", "city", "module", "group", "year", "month", "period", "question",
            "sessions", "responses", "participants", "response_rate", "change", "rank", "shrunken_score",
            "total", "share", "value", "reason", "count", "file", "not_enough_answers", "suppressed",
            "significant", "no_data", "low_mid_high_low", "low_mid_high_mid", "low_mid_high_high",
            "detractors", "passives", "promoters", "this_session",
            "unresolved_trainers", "redactions", "duplicates", "rejects", "files_read", "ignored",
            "reproduce", "data_fingerprint", "generated_at", "chart_alt",
            "not_in_registry", "comments_selection", "comments_withheld",
        ].map { "label.\($0)" }
        keys += rejectReasonCodes.map { "reason.\($0)" }
        keys += [
            "title", "subtitle", "ranking", "ranking_note", "section", "summary", "unresolved_note", "no_registry",
            "tier", "tier.above", "tier.in_line", "tier.below", "too_few", "too_few_note", "all_regions", "summary_none_compared",
            "chart", "one.title", "one.above", "one.below", "one.in_line", "one.too_few", "one.unresolved",
            "one.basis", "one.basis_undated",
        ].map { "trainers.\($0)" }
        keys += [
            "title", "by_region", "by_group", "by_module", "quality", "suppression_note",
            "comments_left_out", "change_note", "quality_scope", "no_data_year", "no_data_note", "all_regions",
            "summary", "summary_total_rose", "summary_total_fell", "summary_total_held", "summary_total_no_data",
            "summary_total_too_few_last", "summary_total_too_few", "summary_rose", "summary_fell", "summary_region_change",
        ].map { "yearly.\($0)" }
        keys += ["held", "held_all", "no_data", "too_few_last", "too_few", "hidden_with"].map { "plural.yearly_\($0)" }
        keys += ["format.list_and"]
        keys += [
            "title", "subtitle", "trainer_before", "trainer_none", "region_year", "vs_trainer", "vs_region",
            "summary_trainer_above", "summary_trainer_in_line", "summary_trainer_below", "summary_trainer_none",
            "summary_region_above", "summary_region_in_line", "summary_region_below",
        ].map { "session.\($0)" }
        keys += [
            "title", "mean", "proportion", "nps", "quantiles", "shrinkage", "holm", "suppression", "min_n",
        ].map { "methods.\($0)" }
        keys += Glossary.allCases.flatMap { ["glossary.\($0.rawValue)", "glossary.\($0.rawValue).term"] }
        keys += ["report.footer"]
        keys += ["code", "low", "high", "cover", "methods"].map { "workbook.\($0)" }
        keys += (pluralNames + sentencePluralNames).map { "plural.\($0)" }
        keys += (1...12).map { "month.\($0)" }
        keys += (1...12).map { "month.gen.\($0)" }
        keys += ["format.date", "format.month_year"]
        keys += ["trainers.reference_mean", "label.trend_band"]
        return keys
    }()
}
