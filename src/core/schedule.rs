//! Spaced-repetition scheduling with FSRS-6 and learning steps: the four ratings, a card's
//! memory state ([`Memory`]) and the [`Scheduler`] that turns a rating into the next due date.
//!
//! The formulas, default weights, learning steps and rounding follow ts-fsrs 5.4.2 (FSRS-6,
//! short term on, fuzz off), so results are deterministic and checked against it
//! (`tests/fsrs_reference.rs`), except where a forgotten card would skip relearning (see
//! `apply_steps`). Times are milliseconds since the Unix epoch (`f64`, as
//! `Date.now()` gives them). A new or forgotten card steps through short waits in minutes
//! ([`Steps`]); then intervals are whole days, and elapsed time counts UTC calendar days, as in
//! ts-fsrs.

use crate::core::number;
use serde::{Deserialize, Serialize};

/// One day in milliseconds.
pub const DAY_MS: f64 = 86_400_000.0;
/// One minute in milliseconds.
pub const MINUTE_MS: f64 = 60_000.0;
/// Minutes in a day: a step this long or longer ends the learning phase.
const DAY_MINUTES: u32 = 1440;

/// The FSRS-6 default weights (w0..w20), as in ts-fsrs 5.4.2 and the `fsrs` crate 6.x.
pub const DEFAULT_WEIGHTS: [f64; 21] = [
    0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835,
    0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
];

/// The desired retention a learner may choose, and the default.
pub const RETENTION_RANGE: (f64, f64) = (0.70, 0.97);
pub const DEFAULT_RETENTION: f64 = 0.90;

/// Stability bounds (days), as in ts-fsrs.
const S_MIN: f64 = 0.001;
const S_MAX: f64 = 36_500.0;

/// How well the learner recalled a card.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Rating {
    Again = 1,
    Hard = 2,
    Good = 3,
    Easy = 4,
}

impl Rating {
    /// All ratings, worst first (the order of the answer buttons).
    pub const ALL: [Rating; 4] = [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy];

    /// The rating for keyboard key `1`–`4`.
    pub fn from_key(key: u8) -> Option<Rating> {
        match key {
            1 => Some(Rating::Again),
            2 => Some(Rating::Hard),
            3 => Some(Rating::Good),
            4 => Some(Rating::Easy),
            _ => None,
        }
    }

    /// The button text.
    pub fn label(self) -> &'static str {
        match self {
            Rating::Again => "Again",
            Rating::Hard => "Hard",
            Rating::Good => "Good",
            Rating::Easy => "Easy",
        }
    }

    /// The grade's CSS class.
    pub fn class(self) -> &'static str {
        match self {
            Rating::Again => "again",
            Rating::Hard => "hard",
            Rating::Good => "good",
            Rating::Easy => "easy",
        }
    }

    /// The grade G in the formulas (1–4).
    fn grade(self) -> f64 {
        f64::from(self as u8)
    }

    /// Position in [`Rating::ALL`].
    fn index(self) -> usize {
        self as usize - 1
    }
}

/// Where a reviewed card is in its life: stepping through short waits after its first grades
/// (`Learning`) or after being forgotten (`Relearning`), or on day intervals (`Review`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Phase {
    Learning,
    /// Memories saved before learning steps existed read as `Review`.
    #[default]
    Review,
    Relearning,
}

impl Phase {
    fn is_review(&self) -> bool {
        *self == Phase::Review
    }
}

/// What the scheduler knows about one reviewed card. A card never reviewed has no `Memory`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Memory {
    /// Days until recall probability falls to 90% (FSRS stability S).
    #[serde(rename = "stab", deserialize_with = "number::f64")]
    pub stability: f64,
    /// How hard the card is, 1 (easiest) to 10 (FSRS difficulty D).
    #[serde(rename = "diff", deserialize_with = "number::f64")]
    pub difficulty: f64,
    /// When the card is next due, in milliseconds since the Unix epoch.
    #[serde(deserialize_with = "number::f64")]
    pub due: f64,
    /// When the card was last reviewed, in milliseconds since the Unix epoch.
    #[serde(rename = "last", deserialize_with = "number::f64")]
    pub last_review: f64,
    /// Reviews so far.
    pub reps: u32,
    /// Times the card was forgotten (rated Again while on day intervals).
    pub lapses: u32,
    /// When an undo put this memory back (epoch ms); 0 for a memory a review made. Merging
    /// prefers the memory set last, so an undo wins over the grade it took back.
    #[serde(
        rename = "set",
        default,
        skip_serializing_if = "is_zero",
        deserialize_with = "number::f64"
    )]
    pub set_at: f64,
    /// Learning steps or day intervals.
    #[serde(default, skip_serializing_if = "Phase::is_review")]
    pub phase: Phase,
    /// The learning step the card is on (0 for the first), while `phase` is not `Review`.
    #[serde(default, skip_serializing_if = "is_zero_u32")]
    pub step: u32,
}

fn is_zero(x: &f64) -> bool {
    *x == 0.0
}

fn is_zero_u32(x: &u32) -> bool {
    *x == 0
}

impl Memory {
    /// In learning or relearning steps: due again within the day, not on a day interval.
    pub fn is_stepping(&self) -> bool {
        self.phase != Phase::Review
    }
}

/// Learning steps in minutes: for new cards, and for cards forgotten on review. Anki's
/// defaults: 1 and 10 minutes to learn, 10 minutes to relearn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Steps {
    pub learning: Vec<u32>,
    pub relearning: Vec<u32>,
}

impl Default for Steps {
    fn default() -> Self {
        Self {
            learning: vec![1, 10],
            relearning: vec![10],
        }
    }
}

/// Why a list of steps could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StepsError {
    /// A word that is not a number with `m`, `h` or `d` after it.
    NotAStep(String),
    /// More steps than [`MAX_STEPS`].
    TooMany,
}

/// At most this many steps in one list.
pub const MAX_STEPS: usize = 8;

/// Reads steps written as in Anki ("1m 10m", "30m 1h 1d"); a bare number is minutes. Each step
/// is at most 30 days.
pub fn parse_steps(text: &str) -> Result<Vec<u32>, StepsError> {
    let steps = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(|word| {
            let (number, unit) = match word.char_indices().last() {
                Some((at, u)) if u.is_ascii_alphabetic() => (&word[..at], u.to_ascii_lowercase()),
                _ => (word, 'm'),
            };
            let per = match unit {
                'm' => 1,
                'h' => 60,
                'd' => DAY_MINUTES,
                _ => 0,
            };
            match number.parse::<u32>() {
                Ok(n) if per > 0 && n > 0 && n.saturating_mul(per) <= 30 * DAY_MINUTES => {
                    Ok(n * per)
                }
                _ => Err(StepsError::NotAStep(word.to_string())),
            }
        })
        .collect::<Result<Vec<u32>, StepsError>>()?;
    if steps.len() > MAX_STEPS {
        return Err(StepsError::TooMany);
    }
    Ok(steps)
}

/// Writes steps back in the form [`parse_steps`] reads, largest unit that divides.
pub fn format_steps(steps: &[u32]) -> String {
    let word = |m: u32| match m {
        m if m % DAY_MINUTES == 0 => format!("{}d", m / DAY_MINUTES),
        m if m % 60 == 0 => format!("{}h", m / 60),
        m => format!("{m}m"),
    };
    steps.iter().map(|&m| word(m)).collect::<Vec<_>>().join(" ")
}

/// What a learner can change about scheduling.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    pub retention: f64,
    pub learning: Vec<u32>,
    pub relearning: Vec<u32>,
}

impl Default for Settings {
    fn default() -> Self {
        Scheduler::default().settings()
    }
}

impl Settings {
    /// The saved form: whole percent and both step lists, as "90;1m 10m;10m". (A hand-made
    /// form: serde here would cost the first visit more than this whole feature.)
    pub fn to_text(&self) -> String {
        format!(
            "{};{};{}",
            (self.retention * 100.0).round() as u32,
            format_steps(&self.learning),
            format_steps(&self.relearning)
        )
    }

    /// Saved settings, or `None` when they cannot be read as settings this build would make
    /// (edited storage): the defaults apply then.
    pub fn read(text: &str) -> Option<Settings> {
        let mut parts = text.split(';');
        let percent: u32 = parts.next()?.parse().ok()?;
        let learning = parse_steps(parts.next()?).ok()?;
        let relearning = parse_steps(parts.next()?).ok()?;
        let retention = f64::from(percent) / 100.0;
        let (low, high) = RETENTION_RANGE;
        (parts.next().is_none() && (low..=high).contains(&retention)).then_some(Settings {
            retention,
            learning,
            relearning,
        })
    }
}

/// FSRS parameters. `Default` is ts-fsrs 5.4.2's: FSRS-6 default weights, 90% retention, 36 500 days
/// at most, Anki's learning steps.
#[derive(Clone, Debug, PartialEq)]
pub struct Scheduler {
    /// The weights asked for (the defaults, or fitted to the learner).
    given: [f64; 21],
    /// The weights in use: `given`, capped as the steps require.
    w: [f64; 21],
    desired_retention: f64,
    maximum_interval: u32,
    steps: Steps,
    /// −w20: the forgetting curve's exponent.
    decay: f64,
    /// Chosen so that R(S) = 0.9.
    factor: f64,
    /// Days of interval per day of stability at the desired retention.
    modifier: f64,
}

impl Default for Scheduler {
    fn default() -> Self {
        Self::new(DEFAULT_WEIGHTS, DEFAULT_RETENTION, 36_500, Steps::default())
    }
}

impl Scheduler {
    /// `desired_retention` is kept within [`RETENTION_RANGE`] (anything unreadable is the
    /// default); `maximum_interval` (days) is raised to 1 if smaller.
    pub fn new(
        weights: [f64; 21],
        desired_retention: f64,
        maximum_interval: u32,
        steps: Steps,
    ) -> Self {
        let retention = if desired_retention.is_finite() {
            desired_retention.clamp(RETENTION_RANGE.0, RETENTION_RANGE.1)
        } else {
            DEFAULT_RETENTION
        };
        let given = weights;
        let mut weights = weights;
        if steps.relearning.len() > 1 {
            // ts-fsrs's rule: with several relearning steps, w17 · w18 is capped so that
            // stepping through them cannot leave a forgotten card more stable than before.
            let w = &weights;
            let two_to_w13 = (w[13] * std::f64::consts::LN_2).exp();
            let bound =
                -(ln(w[11]) + ln(two_to_w13 - 1.0) + w[14] * 0.3) / steps.relearning.len() as f64;
            let ceiling = round8(bound.max(0.0).sqrt()).clamp(0.01, 2.0);
            // Not `f64::clamp`: with a bound only known at run time it keeps its assertion,
            // whose message links the float printer (about 5 KB gzip) into the wasm.
            let cap = |w: f64| {
                if w > ceiling {
                    ceiling
                } else if w < 0.0 {
                    0.0
                } else {
                    w
                }
            };
            weights[17] = cap(weights[17]);
            weights[18] = cap(weights[18]);
        }
        let decay = -weights[20];
        let factor = round8(0.9f64.powf(1.0 / decay) - 1.0);
        let modifier = round8((retention.powf(1.0 / decay) - 1.0) / factor);
        Self {
            given,
            w: weights,
            desired_retention: retention,
            maximum_interval: maximum_interval.max(1),
            steps,
            decay,
            factor,
            modifier,
        }
    }

    /// The default weights with another desired retention and steps.
    pub fn with(desired_retention: f64, steps: Steps) -> Self {
        Self::new(DEFAULT_WEIGHTS, desired_retention, 36_500, steps)
    }

    /// The same settings with other weights (fitted to the learner, or the defaults).
    pub fn with_weights(&self, weights: [f64; 21]) -> Self {
        Self::new(
            weights,
            self.desired_retention,
            self.maximum_interval,
            self.steps.clone(),
        )
    }

    /// The weights asked for: the defaults or the learner's fitted ones (before any cap the
    /// relearning steps put on them).
    pub fn weights(&self) -> &[f64; 21] {
        &self.given
    }

    /// The scheduler for saved settings (default weights).
    pub fn from_settings(settings: &Settings) -> Self {
        Self::with(
            settings.retention,
            Steps {
                learning: settings.learning.clone(),
                relearning: settings.relearning.clone(),
            },
        )
    }

    pub fn settings(&self) -> Settings {
        Settings {
            retention: self.desired_retention,
            learning: self.steps.learning.clone(),
            relearning: self.steps.relearning.clone(),
        }
    }

    /// The interval in days a card of this stability gets (what the retention setting does).
    pub fn days_for_stability(&self, stability: f64) -> u32 {
        self.interval_for(stability)
    }

    pub fn desired_retention(&self) -> f64 {
        self.desired_retention
    }

    pub fn maximum_interval(&self) -> u32 {
        self.maximum_interval
    }

    pub fn steps(&self) -> &Steps {
        &self.steps
    }

    /// The card's memory after rating it at `now_ms`; `None` is a card never reviewed.
    pub fn review(&self, memory: Option<&Memory>, rating: Rating, now_ms: f64) -> Memory {
        self.outcomes(memory, now_ms)[rating.index()]
    }

    /// The wait in minutes each rating would give at `now_ms`, in [`Rating::ALL`] order.
    pub fn preview(&self, memory: Option<&Memory>, now_ms: f64) -> [(Rating, u32); 4] {
        let outcomes = self.outcomes(memory, now_ms);
        Rating::ALL.map(|rating| (rating, wait_minutes(&outcomes[rating.index()])))
    }

    /// The probability of recalling the card at `now_ms`, counting UTC calendar days since its
    /// last review (1.0 on the day of the review).
    pub fn retrievability(&self, memory: &Memory, now_ms: f64) -> f64 {
        self.forgetting_curve(elapsed_days(memory.last_review, now_ms), memory.stability)
    }

    /// Every rating's outcome, in [`Rating::ALL`] order.
    fn outcomes(&self, memory: Option<&Memory>, now_ms: f64) -> [Memory; 4] {
        // Saved state that is not a usable memory (e.g. edited storage) starts over as new.
        let last = memory.filter(|m| {
            m.stability.is_finite() && m.stability >= S_MIN && (1.0..=10.0).contains(&m.difficulty)
        });
        let reps = memory.map_or(0, |m| m.reps).saturating_add(1);
        let lapses = memory.map_or(0, |m| m.lapses);
        let base = |(stability, difficulty): (f64, f64)| Memory {
            stability,
            difficulty,
            due: now_ms,
            last_review: now_ms,
            reps,
            lapses,
            set_at: 0.0,
            phase: Phase::Review,
            step: 0,
        };
        let Some(m) = last else {
            let states = Rating::ALL.map(|g| {
                (
                    self.init_stability(g),
                    self.init_difficulty(g).clamp(1.0, 10.0),
                )
            });
            return Rating::ALL.map(|g| {
                let mut next = base(states[g.index()]);
                self.apply_steps(&mut next, None, 0, g, Phase::Learning, now_ms);
                next
            });
        };
        let t = elapsed_days(m.last_review, now_ms);
        let r = self.forgetting_curve(t, m.stability);
        let mut next = Rating::ALL.map(|g| base(self.next_state(m, t, r, g)));
        if m.is_stepping() {
            for g in Rating::ALL {
                self.apply_steps(
                    &mut next[g.index()],
                    Some(m.phase),
                    m.step,
                    g,
                    m.phase,
                    now_ms,
                );
            }
            return next;
        }
        // On day intervals: each passing rating waits longer than the one below it.
        let mut days = [1, 2, 3].map(|i| self.interval_for(next[i].stability));
        days[0] = days[0].min(days[1]);
        days[1] = days[1].max(days[0] + 1);
        days[2] = days[2].max(days[1] + 1);
        for (i, d) in days.into_iter().enumerate() {
            next[i + 1].due = now_ms + f64::from(d) * DAY_MS;
        }
        let again = &mut next[0];
        self.apply_steps(
            again,
            Some(Phase::Review),
            m.step,
            Rating::Again,
            Phase::Relearning,
            now_ms,
        );
        again.lapses = again.lapses.saturating_add(1);
        next
    }

    /// Puts `next` on its next learning step for rating `g`, or on a day interval when the
    /// steps are done (ts-fsrs's basic learning-steps strategy). `from` is the phase graded
    /// (`None`: a new card), `step` the step it was on.
    fn apply_steps(
        &self,
        next: &mut Memory,
        from: Option<Phase>,
        step: u32,
        g: Rating,
        to: Phase,
        now_ms: f64,
    ) {
        let steps = match from {
            Some(Phase::Review | Phase::Relearning) => &self.steps.relearning,
            _ => &self.steps.learning,
        };
        // Two deliberate departures from ts-fsrs, so that a forgotten card always relearns:
        // a lapse starts at the first relearning step (ts-fsrs uses the step number a day-long
        // learning step left on the card, and skips relearning when that number is past the
        // relearning steps), and a step number past the list (the learner shortened it) counts
        // as its last step (ts-fsrs graduates the card, Again included).
        let step = (step as usize).min(steps.len().saturating_sub(1));
        let planned: Option<(u32, usize)> = if steps.is_empty() {
            None
        } else if from == Some(Phase::Review) {
            (g == Rating::Again).then(|| (steps[0], 0))
        } else {
            match g {
                Rating::Again => Some((steps[0], 0)),
                Rating::Hard => {
                    let minutes = match steps.get(1) {
                        None => (f64::from(steps[0]) * 1.5).round() as u32,
                        Some(&second) => {
                            ((f64::from(steps[0]) + f64::from(second)) / 2.0).round() as u32
                        }
                    };
                    Some((minutes, step))
                }
                Rating::Good => steps.get(step + 1).map(|&m| (m, step + 1)),
                Rating::Easy => None,
            }
        };
        match planned {
            Some((minutes, next_step)) if minutes > 0 && minutes < DAY_MINUTES => {
                next.phase = to;
                next.step = next_step as u32;
                next.due = now_ms + f64::from(minutes) * MINUTE_MS;
            }
            Some((minutes, next_step)) if minutes >= DAY_MINUTES => {
                next.phase = Phase::Review;
                next.step = next_step as u32;
                next.due = now_ms + f64::from(minutes) * MINUTE_MS;
            }
            _ => {
                next.phase = Phase::Review;
                next.step = 0;
                next.due = now_ms + f64::from(self.interval_for(next.stability)) * DAY_MS;
            }
        }
    }

    /// Stability and difficulty after rating `g`, `t` whole days after the last review, with
    /// recall probability `r`.
    fn next_state(&self, m: &Memory, t: f64, r: f64, g: Rating) -> (f64, f64) {
        let (d, s) = (m.difficulty, m.stability);
        let w = &self.w;
        let stability = if t == 0.0 {
            self.short_term_stability(s, g)
        } else if g == Rating::Again {
            // Forgetting never leaves the card more stable than a same-day relearning would.
            let floor = round8(s / (w[17] * w[18]).exp());
            floor.max(S_MIN).min(self.forget_stability(d, s, r))
        } else {
            self.recall_stability(d, s, r, g)
        };
        (stability, self.next_difficulty(d, g))
    }

    /// Whole days until recall probability falls to the desired retention, within
    /// 1..=maximum_interval.
    fn interval_for(&self, stability: f64) -> u32 {
        let days = (stability * self.modifier).round();
        // `max` also turns NaN into 1; the cast saturates.
        days.max(1.0).min(f64::from(self.maximum_interval)) as u32
    }

    /// R(t) = (1 + factor · t / S) ^ decay.
    fn forgetting_curve(&self, elapsed_days: f64, stability: f64) -> f64 {
        round8((1.0 + self.factor * elapsed_days / stability).powf(self.decay))
    }

    /// S0(G) = w[G−1], at least 0.1.
    fn init_stability(&self, g: Rating) -> f64 {
        self.w[g.index()].max(0.1)
    }

    /// D0(G) = w4 − e^(w5·(G−1)) + 1 (not clamped: the mean reversion uses D0(Easy) as is).
    fn init_difficulty(&self, g: Rating) -> f64 {
        round8(self.w[4] - ((g.grade() - 1.0) * self.w[5]).exp() + 1.0)
    }

    /// D' = w7·D0(Easy) + (1 − w7)·(D + ΔD·(10 − D)/9), ΔD = −w6·(G − 3), within [1, 10].
    fn next_difficulty(&self, d: f64, g: Rating) -> f64 {
        let delta = -self.w[6] * (g.grade() - 3.0);
        let damped = d + round8(delta * (10.0 - d) / 9.0);
        let reverted =
            round8(self.w[7] * self.init_difficulty(Rating::Easy) + (1.0 - self.w[7]) * damped);
        reverted.clamp(1.0, 10.0)
    }

    /// S' after a successful recall:
    /// S · (1 + e^w8 · (11 − D) · S^(−w9) · (e^(w10·(1 − R)) − 1) · bonus), where the bonus is
    /// w15 for Hard, w16 for Easy and 1 for Good.
    fn recall_stability(&self, d: f64, s: f64, r: f64, g: Rating) -> f64 {
        let w = &self.w;
        let bonus = match g {
            Rating::Hard => w[15],
            Rating::Easy => w[16],
            _ => 1.0,
        };
        let growth =
            w[8].exp() * (11.0 - d) * s.powf(-w[9]) * (((1.0 - r) * w[10]).exp() - 1.0) * bonus;
        round8((s * (1.0 + growth)).clamp(S_MIN, S_MAX))
    }

    /// S' after forgetting: w11 · D^(−w12) · ((S + 1)^w13 − 1) · e^(w14·(1 − R)).
    fn forget_stability(&self, d: f64, s: f64, r: f64) -> f64 {
        let w = &self.w;
        let s = w[11] * d.powf(-w[12]) * ((s + 1.0).powf(w[13]) - 1.0) * ((1.0 - r) * w[14]).exp();
        round8(s.clamp(S_MIN, S_MAX))
    }

    /// S' on the same day: S · S^(−w19) · e^(w17·(G − 3 + w18)), never lower for a pass.
    fn short_term_stability(&self, s: f64, g: Rating) -> f64 {
        let w = &self.w;
        let grow = s.powf(-w[19]) * (w[17] * (g.grade() - 3.0 + w[18])).exp();
        let grow = if g >= Rating::Hard {
            grow.max(1.0)
        } else {
            grow
        };
        round8((s * grow).clamp(S_MIN, S_MAX))
    }
}

/// The natural logarithm, by series: the standard library's links 4 KB of tables into the
/// wasm, for a value needed once per settings change. Exact to about 1e-15; −∞ for x ≤ 0.
fn ln(x: f64) -> f64 {
    if x.is_nan() || x <= 0.0 {
        return f64::NEG_INFINITY;
    }
    // x = m · 2^e with m in [1, 2); ln m = 2 · atanh((m − 1) / (m + 1)), |t| ≤ 1/3.
    let bits = x.to_bits();
    let e = ((bits >> 52) & 0x7ff) as i64 - 1023;
    let m = f64::from_bits((bits & ((1 << 52) - 1)) | (1023 << 52));
    let t = (m - 1.0) / (m + 1.0);
    let (mut term, mut sum) = (t, 0.0);
    for k in 0..24 {
        sum += term / f64::from(2 * k + 1);
        term *= t * t;
    }
    e as f64 * std::f64::consts::LN_2 + 2.0 * sum
}

/// Rounds to 8 decimals, as ts-fsrs does after each formula.
fn round8(x: f64) -> f64 {
    (x * 1e8).round() / 1e8
}

/// The wait the memory was last scheduled for, in whole minutes.
pub fn wait_minutes(memory: &Memory) -> u32 {
    // The cast saturates: negative or NaN gives 0.
    ((memory.due - memory.last_review) / MINUTE_MS).round() as u32
}

/// The interval the card was last scheduled for, in whole days.
pub fn interval_days(memory: &Memory) -> u32 {
    ((memory.due - memory.last_review) / DAY_MS).round() as u32
}

/// UTC calendar days from `from_ms` to `now_ms`; never negative (a clock that went backwards
/// counts as the same day).
fn elapsed_days(from_ms: f64, now_ms: f64) -> f64 {
    ((now_ms / DAY_MS).floor() - (from_ms / DAY_MS).floor()).max(0.0)
}
