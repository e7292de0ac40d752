//! A mock interview: N questions picked from the current filter, each with a time limit that
//! the learner can pause, extend or turn off (WCAG 2.2.1). The learner answers aloud, reveals,
//! grades; the run ends in a summary. Time comes in as numbers.

use crate::core::random::Rng;
use crate::core::schedule::Rating;

pub const DEFAULT_QUESTIONS: usize = 5;
pub const DEFAULT_SECONDS_PER_QUESTION: u32 = 120;
/// What "+1 minute" adds to the current question.
pub const EXTEND_MS: f64 = 60_000.0;
/// From this much time left the learner is told the time is running out, and how to extend it.
pub const WARN_MS: f64 = 20_000.0;

/// A change the learner makes to the question clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimerChange {
    Pause,
    Resume,
    /// One more minute for this question.
    Extend,
    /// No time limit for the rest of the interview.
    Off,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MockResult {
    /// Index of the card in the deck.
    pub card: usize,
    pub rating: Rating,
    /// Time from the question appearing to the reveal.
    pub used_ms: f64,
    /// The time limit ran out before the learner revealed.
    pub timed_out: bool,
    /// Per key point of the card, whether the learner ticked it as covered.
    pub covered: Vec<bool>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Phase {
    /// The question is up and the clock runs (or is paused since `paused_at`).
    Asking {
        started_ms: f64,
        paused_at: Option<f64>,
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
    /// Time per question; `None`: no limit.
    pub limit_ms: Option<f64>,
    /// Time added to the current question ("+1 minute").
    pub extra_ms: f64,
    /// The key points of the revealed question the learner ticked as covered.
    pub ticked: Vec<bool>,
    pub position: usize,
    pub phase: Phase,
    pub results: Vec<MockResult>,
}

impl Mock {
    /// Picks up to `count` cards from `pool` (deck indices) at random with `seed`; `seconds`
    /// per question, 0 for no limit.
    pub fn start(pool: &[usize], count: usize, seconds: u32, seed: u64, now_ms: f64) -> Self {
        let mut cards = pool.to_vec();
        Rng::new(seed).shuffle(&mut cards);
        cards.truncate(count.max(1));
        let phase = if cards.is_empty() {
            Phase::Finished
        } else {
            Phase::Asking {
                started_ms: now_ms,
                paused_at: None,
            }
        };
        Self {
            cards,
            limit_ms: (seconds > 0).then(|| f64::from(seconds) * 1000.0),
            extra_ms: 0.0,
            ticked: Vec::new(),
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

    /// Time spent on the current question, pauses left out.
    fn elapsed_ms(&self, now_ms: f64) -> f64 {
        match self.phase {
            Phase::Asking {
                started_ms,
                paused_at,
            } => (paused_at.unwrap_or(now_ms) - started_ms).max(0.0),
            _ => 0.0,
        }
    }

    /// The current question's limit, extensions included; `None` without a limit.
    fn allowed_ms(&self) -> Option<f64> {
        self.limit_ms.map(|limit| limit + self.extra_ms)
    }

    /// Milliseconds left on the current question's clock (0 once revealed or run out); `None`
    /// without a limit.
    pub fn remaining_ms(&self, now_ms: f64) -> Option<f64> {
        let allowed = self.allowed_ms()?;
        Some(match self.phase {
            Phase::Asking { .. } => (allowed - self.elapsed_ms(now_ms)).max(0.0),
            _ => 0.0,
        })
    }

    pub fn is_paused(&self) -> bool {
        matches!(
            self.phase,
            Phase::Asking {
                paused_at: Some(_),
                ..
            }
        )
    }

    /// Whether the clock is counting down now (asking, a limit, not paused).
    pub fn is_running(&self) -> bool {
        matches!(
            self.phase,
            Phase::Asking {
                paused_at: None,
                ..
            }
        ) && self.limit_ms.is_some()
    }

    /// The clock ticked: when time is up, the answer is revealed.
    pub fn tick(&mut self, now_ms: f64) {
        if let (true, Some(allowed)) = (self.is_running(), self.allowed_ms()) {
            if self.elapsed_ms(now_ms) >= allowed {
                self.phase = Phase::Revealed {
                    used_ms: allowed,
                    timed_out: true,
                };
            }
        }
    }

    /// Pauses, resumes, extends or turns off the clock while a question is asked.
    pub fn change_timer(&mut self, change: TimerChange, now_ms: f64) {
        self.tick(now_ms);
        let Phase::Asking {
            started_ms,
            paused_at,
        } = self.phase
        else {
            return;
        };
        match change {
            TimerChange::Pause if paused_at.is_none() => {
                self.phase = Phase::Asking {
                    started_ms,
                    paused_at: Some(now_ms),
                }
            }
            TimerChange::Resume => {
                if let Some(at) = paused_at {
                    // The pause does not count: the question started that much later.
                    self.phase = Phase::Asking {
                        started_ms: started_ms + (now_ms - at).max(0.0),
                        paused_at: None,
                    }
                }
            }
            TimerChange::Extend => self.extra_ms += EXTEND_MS,
            TimerChange::Off => self.limit_ms = None,
            TimerChange::Pause => {}
        }
    }

    pub fn reveal(&mut self, now_ms: f64) {
        self.tick(now_ms);
        if let Phase::Asking { .. } = self.phase {
            let used = self.elapsed_ms(now_ms);
            self.phase = Phase::Revealed {
                used_ms: self.allowed_ms().map_or(used, |allowed| used.min(allowed)),
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
            covered: std::mem::take(&mut self.ticked),
        });
        self.position += 1;
        self.extra_ms = 0.0;
        self.phase = if self.position < self.cards.len() {
            Phase::Asking {
                started_ms: now_ms,
                paused_at: None,
            }
        } else {
            Phase::Finished
        };
        Some(card)
    }

    /// Ticks or unticks key point `index` of the revealed question, which has `total`.
    pub fn toggle_point(&mut self, index: usize, total: usize) {
        if matches!(self.phase, Phase::Revealed { .. }) && index < total {
            self.ticked.resize(total, false);
            self.ticked[index] = !self.ticked[index];
        }
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
