//! Key points: the phrases an interviewer listens for. After revealing the answer the learner
//! ticks the ones they covered; the share ticked suggests a grade (the learner still chooses).

use crate::core::schedule::Rating;

/// The grade a share of key points covered suggests: none or under a third Again, under two
/// thirds Hard, most Good, all Easy. `None` when the card has no key points.
pub fn suggested_grade(ticked: usize, total: usize) -> Option<Rating> {
    if total == 0 {
        return None;
    }
    let ticked = ticked.min(total);
    Some(if ticked == total {
        Rating::Easy
    } else if ticked * 3 >= total * 2 {
        Rating::Good
    } else if ticked * 3 >= total {
        Rating::Hard
    } else {
        Rating::Again
    })
}
