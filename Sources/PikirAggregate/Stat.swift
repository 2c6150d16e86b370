/// A statistic `pikir agg` can report for each group and measure.
///
/// `ci95` is the 95% interval of the mean, inside the question's scale (a
/// logit interval with half a pseudo-answer at each end of the scale, see
/// PikirStats' `BoundedMeanInterval`); `top2`/`bottom2` the
/// share (0–1) of answers in the two highest/lowest points of the scale;
/// `nps` the net promoter score (−100…100) of a 0–10 question, not
/// computable on a 1–5 one; `dist` the count of each answer value.
/// The group's own counts, the same for each of its measures: `responses`
/// (responses in the group, whatever they answered), `sessions` (distinct
/// session ids), `first_date` (its earliest session day).
public enum Stat: String, Sendable, CaseIterable {
    case n, mean, sd, se, ci95, median, p25, p75, min, max, top2, bottom2, nps, dist
    case responses, sessions, firstDate = "first_date"

    public static let defaults: [Stat] = [.n, .mean, .ci95, .median]
}
