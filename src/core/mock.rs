//! A mock interview: N questions picked from the current filter, each with a time limit. The
//! learner answers aloud, reveals, grades; the run ends in a summary. Time comes in as numbers.

use crate::core::random::Rng;
use crate::core::schedule::Rating;

pub const DEFAULT_QUESTIONS: usize = 5;
pub const DEFAULT_SECONDS_PER_QUESTION: u32 = 120;

#[derive(Clone, Debug, PartialEq)]
pub struct MockResult {
    /// Index of the card in the deck.
    pub card: usize,
    pub rating: Rating,
    /// Time from the question appearing to the reveal.
    pub used_ms: f64,
    /// The time limit ran out before the learner revealed.
    pub timed_out: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Phase {
    /// The question is up and the clock runs.
    Asking {
        started_ms: f64,
    },
    /// The answer is shown; waiting for a grade.
    Revealed {
        used_ms: f64,
        timed_out: bool,
    },
    Finished,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Mock {
    pub cards: Vec<usize>,
    pub limit_ms: f64,
    pub position: usize,
    pub phase: Phase,
    pub results: Vec<MockResult>,
}

impl Mock {
    /// Picks up to `count` cards from `pool` (deck indices) at random with `seed`.
    pub fn start(pool: &[usize], count: usize, seconds: u32, seed: u64, now_ms: f64) -> Self {
        let mut cards = pool.to_vec();
        Rng::new(seed).shuffle(&mut cards);
        cards.truncate(count.max(1));
        let phase = if cards.is_empty() {
            Phase::Finished
        } else {
            Phase::Asking { started_ms: now_ms }
        };
        Self {
            cards,
            limit_ms: f64::from(seconds) * 1000.0,
            position: 0,
            phase,
            results: Vec::new(),
        }
    }

    pub fn current(&self) -> Option<usize> {
        match self.phase {
            Phase::Finished => None,
            _ => self.cards.get(self.position).copied(),
        }
    }

    /// Milliseconds left on the current question's clock (0 once revealed or run out).
    pub fn remaining_ms(&self, now_ms: f64) -> f64 {
        match self.phase {
            Phase::Asking { started_ms } => (self.limit_ms - (now_ms - started_ms)).max(0.0),
            _ => 0.0,
        }
    }

    /// The clock ticked: when time is up, the answer is revealed.
    pub fn tick(&mut self, now_ms: f64) {
        if let Phase::Asking { started_ms } = self.phase {
            if now_ms - started_ms >= self.limit_ms {
                self.phase = Phase::Revealed {
                    used_ms: self.limit_ms,
                    timed_out: true,
                };
            }
        }
    }

    pub fn reveal(&mut self, now_ms: f64) {
        self.tick(now_ms);
        if let Phase::Asking { started_ms } = self.phase {
            self.phase = Phase::Revealed {
                used_ms: (now_ms - started_ms).clamp(0.0, self.limit_ms),
                timed_out: false,
            };
        }
    }

    /// Records the grade for the revealed question and moves on. Returns the graded card so
    /// the caller can also schedule it; `None` when there was nothing to grade.
    pub fn grade(&mut self, rating: Rating, now_ms: f64) -> Option<usize> {
        let Phase::Revealed { used_ms, timed_out } = self.phase else {
            return None;
        };
        let card = self.cards[self.position];
        self.results.push(MockResult {
            card,
            rating,
            used_ms,
            timed_out,
        });
        self.position += 1;
        self.phase = if self.position < self.cards.len() {
            Phase::Asking { started_ms: now_ms }
        } else {
            Phase::Finished
        };
        Some(card)
    }

    pub fn is_finished(&self) -> bool {
        self.phase == Phase::Finished
    }

    /// Cards graded Again or Hard: the ones to practise next.
    pub fn weak_cards(&self) -> Vec<usize> {
        self.results
            .iter()
            .filter(|r| matches!(r.rating, Rating::Again | Rating::Hard))
            .map(|r| r.card)
            .collect()
    }
}
