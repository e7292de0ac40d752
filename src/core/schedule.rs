//! Spaced-repetition scheduling with FSRS-5 in long-term mode: the four ratings, a card's memory
//! state ([`Memory`]) and the [`Scheduler`] that turns a rating into the next due date.
//!
//! The formulas, default weights and rounding follow rs-fsrs 1.2.1 with `enable_short_term =
//! false` and fuzz off, so results are deterministic. Times are milliseconds since the Unix
//! epoch (`f64`, as `Date.now()` gives them); intervals are whole days. Elapsed time counts whole
//! days only (a review 23 hours later counts as 0 days), as in rs-fsrs.

use serde::{Deserialize, Serialize};

/// One day in milliseconds.
pub const DAY_MS: f64 = 86_400_000.0;

/// The FSRS-5 default weights (w0..w18), as shipped by rs-fsrs 1.2.1.
pub const DEFAULT_WEIGHTS: [f64; 19] = [
    0.4072, 1.1829, 3.1262, 15.4722, 7.2102, 0.5316, 1.0651, 0.0234, 1.616, 0.1544, 1.0824, 1.9813,
    0.0953, 0.2975, 2.2042, 0.2407, 2.9466, 0.5034, 0.6567,
];

/// The forgetting curve's exponent: R(t) = (1 + FACTOR · t / S) ^ DECAY.
const DECAY: f64 = -0.5;
/// Chosen so that R(S) = 0.9: 0.9 ^ (1 / DECAY) − 1 = 19/81.
const FACTOR: f64 = 19.0 / 81.0;

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

    /// The grade G in the formulas (1–4).
    fn grade(self) -> f64 {
        f64::from(self as u8)
    }

    /// Position in [`Rating::ALL`].
    fn index(self) -> usize {
        self as usize - 1
    }
}

/// What the scheduler knows about one reviewed card. A card never reviewed has no `Memory`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Memory {
    /// Days until recall probability falls to 90% (FSRS stability S).
    #[serde(rename = "stab")]
    pub stability: f64,
    /// How hard the card is, 1 (easiest) to 10 (FSRS difficulty D).
    #[serde(rename = "diff")]
    pub difficulty: f64,
    /// When the card is next due, in milliseconds since the Unix epoch.
    pub due: f64,
    /// When the card was last reviewed, in milliseconds since the Unix epoch.
    #[serde(rename = "last")]
    pub last_review: f64,
    /// Reviews so far.
    pub reps: u32,
    /// Times the card was forgotten (rated Again after its first review).
    pub lapses: u32,
    /// When an undo put this memory back (epoch ms); 0 for a memory a review made. Merging
    /// prefers the memory set last, so an undo wins over the grade it took back.
    #[serde(rename = "set", default, skip_serializing_if = "is_zero")]
    pub set_at: f64,
}

fn is_zero(x: &f64) -> bool {
    *x == 0.0
}

/// FSRS parameters. `Default` is rs-fsrs's: default weights, 90% retention, 36 500 days at most.
#[derive(Clone, Debug, PartialEq)]
pub struct Scheduler {
    w: [f64; 19],
    desired_retention: f64,
    maximum_interval: u32,
}

impl Default for Scheduler {
    fn default() -> Self {
        Self::new(DEFAULT_WEIGHTS, 0.9, 36_500)
    }
}

impl Scheduler {
    /// `desired_retention` is the recall probability to schedule for, in (0, 1);
    /// `maximum_interval` (days) is raised to 1 if smaller.
    pub fn new(weights: [f64; 19], desired_retention: f64, maximum_interval: u32) -> Self {
        Self {
            w: weights,
            desired_retention,
            maximum_interval: maximum_interval.max(1),
        }
    }

    pub fn desired_retention(&self) -> f64 {
        self.desired_retention
    }

    pub fn maximum_interval(&self) -> u32 {
        self.maximum_interval
    }

    /// The card's memory after rating it at `now_ms`; `None` is a card never reviewed.
    pub fn review(&self, memory: Option<&Memory>, rating: Rating, now_ms: f64) -> Memory {
        self.outcomes(memory, now_ms)[rating.index()]
    }

    /// The interval in days each rating would give at `now_ms`, in [`Rating::ALL`] order.
    pub fn preview(&self, memory: Option<&Memory>, now_ms: f64) -> [(Rating, u32); 4] {
        let outcomes = self.outcomes(memory, now_ms);
        Rating::ALL.map(|rating| (rating, interval_days(&outcomes[rating.index()])))
    }

    /// The probability of recalling the card at `now_ms`, counting whole days since its last
    /// review (1.0 on the day of the review).
    pub fn retrievability(&self, memory: &Memory, now_ms: f64) -> f64 {
        forgetting_curve(elapsed_days(memory, now_ms), memory.stability)
    }

    /// Every rating's outcome, in [`Rating::ALL`] order. The intervals depend on each other
    /// (each rating must wait longer than the one below it), so they are computed together.
    fn outcomes(&self, memory: Option<&Memory>, now_ms: f64) -> [Memory; 4] {
        // Saved state that is not a usable memory (e.g. edited storage) starts over as new.
        let last = memory
            .filter(|m| m.stability.is_finite() && m.stability > 0.0 && m.difficulty.is_finite());
        let states = match last {
            None => Rating::ALL.map(|g| (self.init_stability(g), self.init_difficulty(g))),
            Some(m) => {
                let r = self.retrievability(m, now_ms);
                Rating::ALL.map(|g| {
                    let s = match g {
                        Rating::Again => self.forget_stability(m.difficulty, m.stability, r),
                        _ => self.recall_stability(m.difficulty, m.stability, r, g),
                    };
                    (s, self.next_difficulty(m.difficulty, g))
                })
            }
        };

        let mut days = states.map(|(s, _)| self.interval_for(s));
        days[0] = days[0].min(days[1]);
        for i in 1..4 {
            days[i] = days[i].max(days[i - 1] + 1);
        }
        // Enforcing the order can push past the cap; the cap wins (rs-fsrs lets it through).
        let days = days.map(|d| d.min(self.maximum_interval));

        let reps = memory.map_or(0, |m| m.reps).saturating_add(1);
        let lapses = memory.map_or(0, |m| m.lapses);
        Rating::ALL.map(|g| {
            let (stability, difficulty) = states[g.index()];
            Memory {
                stability,
                difficulty,
                due: now_ms + f64::from(days[g.index()]) * DAY_MS,
                last_review: now_ms,
                reps,
                lapses: if g == Rating::Again && last.is_some() {
                    lapses.saturating_add(1)
                } else {
                    lapses
                },
                set_at: 0.0,
            }
        })
    }

    /// Whole days until recall probability falls to the desired retention, within
    /// 1..=maximum_interval.
    fn interval_for(&self, stability: f64) -> u32 {
        let days = stability / FACTOR * (self.desired_retention.powf(1.0 / DECAY) - 1.0);
        // `max` also turns NaN into 1; the cast saturates.
        days.round().max(1.0).min(f64::from(self.maximum_interval)) as u32
    }

    /// S0(G) = w[G−1], at least 0.1.
    fn init_stability(&self, g: Rating) -> f64 {
        self.w[g.index()].max(0.1)
    }

    /// D0(G) = w4 − e^(w5·(G−1)) + 1, within [1, 10].
    fn init_difficulty(&self, g: Rating) -> f64 {
        (self.w[4] - (self.w[5] * (g.grade() - 1.0)).exp() + 1.0).clamp(1.0, 10.0)
    }

    /// D' = w7·D0(Easy) + (1 − w7)·(D − w6·(G − 3)), within [1, 10].
    fn next_difficulty(&self, d: f64, g: Rating) -> f64 {
        let moved = d - self.w[6] * (g.grade() - 3.0);
        let reverted = self.w[7] * self.init_difficulty(Rating::Easy) + (1.0 - self.w[7]) * moved;
        reverted.clamp(1.0, 10.0)
    }

    /// S' after a successful recall:
    /// S · (1 + e^w8 · (11 − D) · S^(−w9) · (e^(w10·(1 − R)) − 1) · bonus), where the bonus is
    /// w15 for Hard, w16 for Easy and 1 for Good.
    fn recall_stability(&self, d: f64, s: f64, r: f64, g: Rating) -> f64 {
        let bonus = match g {
            Rating::Hard => self.w[15],
            Rating::Easy => self.w[16],
            _ => 1.0,
        };
        let growth =
            self.w[8].exp() * (11.0 - d) * s.powf(-self.w[9]) * ((1.0 - r) * self.w[10]).exp_m1();
        s * (1.0 + growth * bonus)
    }

    /// S' after forgetting: w11 · D^(−w12) · ((S + 1)^w13 − 1) · e^(w14·(1 − R)).
    fn forget_stability(&self, d: f64, s: f64, r: f64) -> f64 {
        self.w[11]
            * d.powf(-self.w[12])
            * ((s + 1.0).powf(self.w[13]) - 1.0)
            * ((1.0 - r) * self.w[14]).exp()
    }
}

/// The interval the card was last scheduled for, in whole days.
pub fn interval_days(memory: &Memory) -> u32 {
    // The cast saturates: negative or NaN gives 0.
    ((memory.due - memory.last_review) / DAY_MS).round() as u32
}

/// Whole days from the last review to `now_ms`, rounded down; never negative (a clock that
/// went backwards counts as the same day).
fn elapsed_days(memory: &Memory, now_ms: f64) -> f64 {
    ((now_ms - memory.last_review) / DAY_MS).floor().max(0.0)
}

/// R(t) = (1 + FACTOR · t / S) ^ DECAY.
fn forgetting_curve(elapsed_days: f64, stability: f64) -> f64 {
    (1.0 + FACTOR * elapsed_days / stability).powf(DECAY)
}
